DROP INDEX `dedupe_bands_key_idx`;--> statement-breakpoint
CREATE INDEX `dedupe_bands_key_vacancy_idx` ON `dedupe_bands` (`band_key`,`vacancy_id`);