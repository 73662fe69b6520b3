CREATE TABLE `isco_groups` (
	`code` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`version_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `occupation_skills` (
	`occupation_id` text NOT NULL,
	`skill_id` text NOT NULL,
	`relation` text NOT NULL,
	`weight` real NOT NULL,
	`importance` real,
	`level` real,
	`version_id` integer NOT NULL,
	PRIMARY KEY(`occupation_id`, `skill_id`)
);
--> statement-breakpoint
CREATE INDEX `occupation_skills_skill_idx` ON `occupation_skills` (`skill_id`);--> statement-breakpoint
CREATE TABLE `occupations` (
	`id` text PRIMARY KEY NOT NULL,
	`scheme` text NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`alt_titles` text NOT NULL,
	`description` text,
	`skill_level` integer,
	`typical_pay_annual` real,
	`sector` text,
	`isco_group` text,
	`version_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `occupations_scheme_code_idx` ON `occupations` (`scheme`,`code`);--> statement-breakpoint
CREATE TABLE `sectors` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `skill_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`parent_id` text,
	`version_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `skills` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`alt_labels` text NOT NULL,
	`type` text NOT NULL,
	`group_id` text,
	`description` text,
	`version_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `soc_index` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`norm_title` text NOT NULL,
	`qualifier` text,
	`industry` text,
	`soc_code` text NOT NULL,
	`isco_code` text,
	`version_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `soc_index_norm_idx` ON `soc_index` (`norm_title`);--> statement-breakpoint
CREATE TABLE `taxonomy_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`label` text NOT NULL,
	`imported_at` integer NOT NULL,
	`counts` text NOT NULL
);
