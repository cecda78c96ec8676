CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`display_name` text NOT NULL,
	`email` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE TABLE `part_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `part_categories`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `part_categories_parent` ON `part_categories` (`parent_id`);--> statement-breakpoint
CREATE TABLE `parts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`ipn` text,
	`description` text DEFAULT '' NOT NULL,
	`category_id` integer,
	`variant_of_id` integer,
	`is_template` integer DEFAULT false NOT NULL,
	`is_assembly` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`minimum_stock` integer DEFAULT 0 NOT NULL,
	`units` text DEFAULT '' NOT NULL,
	`stock_total` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `part_categories`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`variant_of_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "parts_minimum_not_negative" CHECK("parts"."minimum_stock" >= 0),
	CONSTRAINT "parts_stock_total_in_range" CHECK("parts"."stock_total" between 0 and 9007199254740991)
);
--> statement-breakpoint
CREATE INDEX `parts_category` ON `parts` (`category_id`);--> statement-breakpoint
CREATE INDEX `parts_variant_of` ON `parts` (`variant_of_id`);--> statement-breakpoint
CREATE INDEX `parts_name` ON `parts` ("name" collate nocase);--> statement-breakpoint
CREATE TABLE `stock_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`part_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`batch` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`location_id`) REFERENCES `stock_locations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "stock_items_quantity_in_range" CHECK("stock_items"."quantity" between 0 and 100000000000000)
);
--> statement-breakpoint
CREATE INDEX `stock_items_part` ON `stock_items` (`part_id`);--> statement-breakpoint
CREATE INDEX `stock_items_location` ON `stock_items` (`location_id`);--> statement-breakpoint
CREATE TABLE `stock_locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `stock_locations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `stock_locations_parent` ON `stock_locations` (`parent_id`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`part_id` integer NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`quantity_after` integer NOT NULL,
	`from_location_id` integer,
	`to_location_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `stock_items`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`from_location_id`) REFERENCES `stock_locations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`to_location_id`) REFERENCES `stock_locations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `stock_movements_part_time` ON `stock_movements` (`part_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `stock_movements_item` ON `stock_movements` (`item_id`);