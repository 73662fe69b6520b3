CREATE TABLE `employer_submissions` (
	`vacancy_id` integer PRIMARY KEY NOT NULL,
	`raw` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`vacancy_id`) REFERENCES `vacancies`(`id`) ON UPDATE no action ON DELETE cascade
);
