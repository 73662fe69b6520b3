CREATE TABLE `postcodes` (
	`postcode` text PRIMARY KEY NOT NULL,
	`outward` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`town` text,
	`region` text
);
--> statement-breakpoint
CREATE INDEX `postcodes_outward_idx` ON `postcodes` (`outward`);--> statement-breakpoint
CREATE TABLE `dedupe_bands` (
	`band_key` integer NOT NULL,
	`vacancy_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dedupe_bands_key_idx` ON `dedupe_bands` (`band_key`);--> statement-breakpoint
CREATE INDEX `dedupe_bands_vacancy_idx` ON `dedupe_bands` (`vacancy_id`);