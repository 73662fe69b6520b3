CREATE TABLE `employer_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`api_key_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `employer_sessions_key_idx` ON `employer_sessions` (`api_key_id`);--> statement-breakpoint
CREATE INDEX `employer_sessions_last_seen_idx` ON `employer_sessions` (`last_seen_at`);