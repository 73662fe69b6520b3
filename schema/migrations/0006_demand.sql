CREATE TABLE `demand_cells` (
	`cell_lat` integer NOT NULL,
	`cell_lon` integer NOT NULL,
	`occupation` text NOT NULL,
	`sector` text NOT NULL,
	`region` text NOT NULL,
	`live` integer NOT NULL,
	PRIMARY KEY(`cell_lat`, `cell_lon`, `occupation`, `sector`, `region`)
);
--> statement-breakpoint
CREATE TABLE `demand_daily` (
	`area_type` text NOT NULL,
	`area` text NOT NULL,
	`dim` text NOT NULL,
	`key` text NOT NULL,
	`day` integer NOT NULL,
	`live` integer NOT NULL,
	`new` integer NOT NULL,
	PRIMARY KEY(`area_type`, `area`, `dim`, `key`, `day`)
);
--> statement-breakpoint
CREATE INDEX `demand_daily_day_idx` ON `demand_daily` (`day`);--> statement-breakpoint
CREATE TABLE `demand_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`from_day` integer NOT NULL,
	`to_day` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `official_vacancies` (
	`series` text NOT NULL,
	`sic` text NOT NULL,
	`period_end` text NOT NULL,
	`months` integer NOT NULL,
	`value` real NOT NULL,
	`seasonally_adjusted` integer NOT NULL,
	`imported_at` integer NOT NULL,
	`file` text NOT NULL,
	PRIMARY KEY(`series`, `sic`, `period_end`)
);
