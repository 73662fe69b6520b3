DROP INDEX `vacancies_employer_idx`;--> statement-breakpoint
CREATE INDEX `vacancies_employer_list_idx` ON `vacancies` (`employer_id`,`source`,`updated_at`);--> statement-breakpoint
CREATE INDEX `participants_org_updated_idx` ON `participants` (`org`,`updated_at`);--> statement-breakpoint
CREATE INDEX `demand_cells_occupation_idx` ON `demand_cells` (`occupation`);