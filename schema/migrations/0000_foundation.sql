CREATE TABLE `employers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employers_name_unique` ON `employers` (`name`);--> statement-breakpoint
CREATE TABLE `vacancies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`source_ref` text NOT NULL,
	`employer_id` integer,
	`url` text,
	`apply_url` text,
	`title` text NOT NULL,
	`title_original` text NOT NULL,
	`description_text` text DEFAULT '' NOT NULL,
	`description_html` text,
	`employer_name` text,
	`end_employer_name` text,
	`location_text` text,
	`lat` real,
	`lon` real,
	`postcode` text,
	`town` text,
	`local_authority` text,
	`region` text,
	`location_resolved` integer DEFAULT false NOT NULL,
	`extra_locations` text,
	`remote` text,
	`employment_type` text,
	`contract` text,
	`hours_per_week` real,
	`shifts` text,
	`salary_min` real,
	`salary_max` real,
	`salary_currency` text,
	`salary_period` text,
	`salary_annual_min` real,
	`salary_annual_max` real,
	`salary_text` text,
	`date_posted` integer,
	`valid_through` integer,
	`status` text DEFAULT 'live' NOT NULL,
	`occupation_code` text,
	`occupation_scheme` text,
	`occupation_confidence` real,
	`sector` text,
	`sector_confidence` real,
	`classification_evidence` text,
	`skills` text,
	`requirements` text,
	`cluster_id` integer,
	`fingerprint` text,
	`content_hash` text NOT NULL,
	`first_seen` integer NOT NULL,
	`last_seen` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	`missed_runs` integer DEFAULT 0 NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vacancies_source_ref_uq` ON `vacancies` (`source`,`source_ref`);--> statement-breakpoint
CREATE INDEX `vacancies_employer_idx` ON `vacancies` (`employer_id`);--> statement-breakpoint
CREATE INDEX `vacancies_status_idx` ON `vacancies` (`status`);--> statement-breakpoint
CREATE INDEX `vacancies_cluster_idx` ON `vacancies` (`cluster_id`);--> statement-breakpoint
CREATE INDEX `vacancies_hash_idx` ON `vacancies` (`content_hash`);--> statement-breakpoint
CREATE INDEX `vacancies_first_seen_idx` ON `vacancies` (`first_seen`);--> statement-breakpoint
CREATE INDEX `vacancies_sector_idx` ON `vacancies` (`sector`,`status`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employer_id` integer NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`label` text,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `api_keys_prefix_idx` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE TABLE `coaches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`org` text NOT NULL,
	`role` text DEFAULT 'coach' NOT NULL,
	`token_prefix` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `coaches_token_prefix_idx` ON `coaches` (`token_prefix`);--> statement-breakpoint
CREATE TABLE `index_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vacancy_id` integer NOT NULL,
	`op` text NOT NULL,
	`enqueued_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`not_before` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `index_outbox_not_before_idx` ON `index_outbox` (`not_before`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject_type`,`subject_id`);