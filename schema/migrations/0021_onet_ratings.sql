CREATE TABLE `occupation_ratings` (
	`occupation_id` text NOT NULL,
	`element_id` text NOT NULL,
	`domain` text NOT NULL,
	`importance` real,
	`level` real,
	`version_id` integer NOT NULL,
	PRIMARY KEY(`occupation_id`, `element_id`)
);
