ALTER TABLE `participants` ADD `hours_pattern` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `avoid_shifts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `must_preferences` text DEFAULT '[]' NOT NULL;