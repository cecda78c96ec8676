CREATE TABLE `category_mutes` (
	`user_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`until` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `category_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `part_categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `category_mutes_category` ON `category_mutes` (`category_id`);--> statement-breakpoint
CREATE TABLE `part_mutes` (
	`user_id` integer NOT NULL,
	`part_id` integer NOT NULL,
	`until` integer,
	`until_restocked` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `part_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `part_mutes_part` ON `part_mutes` (`part_id`);