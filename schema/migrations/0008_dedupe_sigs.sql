CREATE TABLE `dedupe_sigs` (
	`vacancy_id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`band_keys` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dedupe_sigs_seq_idx` ON `dedupe_sigs` (`seq`);