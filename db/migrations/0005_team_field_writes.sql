CREATE TABLE `team_field_writes` (
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`column_name` text NOT NULL,
	`seq` integer NOT NULL,
	`author_id` integer,
	`value` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_key`, `column_name`)
);
--> statement-breakpoint
DROP TABLE `team_row_writes`;