CREATE TABLE `part_run_low_warnings` (
	`part_id` integer PRIMARY KEY NOT NULL,
	`below_minimum_on` text NOT NULL,
	`daily_use` integer NOT NULL,
	`lead_time_days` integer NOT NULL,
	`warned_at` integer NOT NULL,
	FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stock_movements_removals` ON `stock_movements` (`part_id`,`created_at`,`delta`) WHERE "stock_movements"."kind" = 'remove';