CREATE TABLE `participant_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text,
	`occupation_input` text,
	`occupation_id` text,
	`resolved_by` text,
	`confidence` real,
	`years` real NOT NULL,
	`ended_years_ago` real,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participant_history_participant_idx` ON `participant_history` (`participant_id`,`position`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org` text NOT NULL,
	`created_by_coach_id` integer NOT NULL,
	`reference` text,
	`name` text,
	`location_text` text,
	`lat` real,
	`lon` real,
	`location_resolved` integer DEFAULT false NOT NULL,
	`max_travel_km` real,
	`hours_per_week` real,
	`salary_floor` real,
	`remote` text,
	`skills_add` text NOT NULL,
	`skills_remove` text NOT NULL,
	`licences` text NOT NULL,
	`qualifications` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_coach_id`) REFERENCES `coaches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participants_org_idx` ON `participants` (`org`,`id`);