ALTER TABLE `vacancies` ADD `location_precision` text;--> statement-breakpoint
ALTER TABLE `vacancies` ADD `location_area` text;--> statement-breakpoint
ALTER TABLE `vacancies` ADD `local_authority_name` text;--> statement-breakpoint
ALTER TABLE `vacancies` ADD `salary_ote` text;--> statement-breakpoint
ALTER TABLE `vacancies` ADD `salary_extras` text;--> statement-breakpoint
ALTER TABLE `vacancies` ADD `salary_scale` text;--> statement-breakpoint
ALTER TABLE `vacancies` ADD `salary_flags` text;--> statement-breakpoint
ALTER TABLE `scrape_runs` ADD `skipped_closed` integer DEFAULT 0 NOT NULL;