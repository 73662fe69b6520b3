CREATE TABLE `fetch_cache` (
	`url` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`etag` text,
	`last_modified` text,
	`memo` text,
	`fetched_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scrape_locks` (
	`name` text PRIMARY KEY NOT NULL,
	`pid` integer NOT NULL,
	`host` text NOT NULL,
	`acquired_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scrape_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`status` text DEFAULT 'running' NOT NULL,
	`pages_fetched` integer DEFAULT 0 NOT NULL,
	`pages_not_modified` integer DEFAULT 0 NOT NULL,
	`pages_skipped` integer DEFAULT 0 NOT NULL,
	`vacancies_new` integer DEFAULT 0 NOT NULL,
	`vacancies_updated` integer DEFAULT 0 NOT NULL,
	`vacancies_unchanged` integer DEFAULT 0 NOT NULL,
	`vacancies_expired` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`errors` text,
	`fatal` text
);
--> statement-breakpoint
CREATE INDEX `scrape_runs_source_idx` ON `scrape_runs` (`source`,`started_at`);