CREATE TABLE `shortlist_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`from_stage` text,
	`stage` text NOT NULL,
	`reason` text,
	`reason_text` text,
	`coach_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `shortlist_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coach_id`) REFERENCES `coaches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shortlist_events_item_idx` ON `shortlist_events` (`item_id`,`at`);--> statement-breakpoint
CREATE TABLE `shortlist_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`vacancy_id` integer NOT NULL,
	`stage` text NOT NULL,
	`reason` text,
	`reason_text` text,
	`note` text,
	`snapshot` text NOT NULL,
	`created_by_coach_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`vacancy_id`) REFERENCES `vacancies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_coach_id`) REFERENCES `coaches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shortlist_items_participant_vacancy_idx` ON `shortlist_items` (`participant_id`,`vacancy_id`);--> statement-breakpoint
CREATE TABLE `shortlist_shares` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_by_coach_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_coach_id`) REFERENCES `coaches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shortlist_shares_token_idx` ON `shortlist_shares` (`token_hash`);--> statement-breakpoint
CREATE INDEX `shortlist_shares_participant_idx` ON `shortlist_shares` (`participant_id`);