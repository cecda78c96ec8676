CREATE TABLE `team_applied` (
	`event_id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`applied_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `team_outbox` (
	`position` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`body` text NOT NULL,
	`applied` text NOT NULL,
	`created_at` integer NOT NULL,
	`published_seq` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_outbox_event_id_unique` ON `team_outbox` (`event_id`);--> statement-breakpoint
CREATE TABLE `team_row_writes` (
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`seq` integer NOT NULL,
	`author_id` integer,
	PRIMARY KEY(`table_name`, `row_key`)
);
--> statement-breakpoint
CREATE TABLE `team_tombstones` (
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`row` text NOT NULL,
	`deleted_at` integer NOT NULL,
	PRIMARY KEY(`table_name`, `row_key`)
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_parts` (
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
	`is_low` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `part_categories`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`variant_of_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "parts_minimum_not_negative" CHECK("__new_parts"."minimum_stock" >= 0),
	CONSTRAINT "parts_stock_total_in_range" CHECK("__new_parts"."stock_total" between -9007199254740991 and 9007199254740991)
);
--> statement-breakpoint
INSERT INTO `__new_parts`("id", "name", "ipn", "description", "category_id", "variant_of_id", "is_template", "is_assembly", "active", "minimum_stock", "units", "stock_total", "is_low", "created_at", "updated_at") SELECT "id", "name", "ipn", "description", "category_id", "variant_of_id", "is_template", "is_assembly", "active", "minimum_stock", "units", "stock_total", "is_low", "created_at", "updated_at" FROM `parts`;--> statement-breakpoint
DROP TABLE `parts`;--> statement-breakpoint
ALTER TABLE `__new_parts` RENAME TO `parts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `parts_category` ON `parts` (`category_id`);--> statement-breakpoint
CREATE INDEX `parts_variant_of` ON `parts` (`variant_of_id`);--> statement-breakpoint
CREATE INDEX `parts_name` ON `parts` ("name" collate nocase);--> statement-breakpoint
CREATE INDEX `parts_low` ON `parts` (`is_low`) WHERE "parts"."is_low";--> statement-breakpoint
CREATE TABLE `__new_stock_items` (
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
	CONSTRAINT "stock_items_quantity_in_range" CHECK("__new_stock_items"."quantity" between -100000000000000 and 100000000000000)
);
--> statement-breakpoint
INSERT INTO `__new_stock_items`("id", "part_id", "location_id", "quantity", "batch", "created_at", "updated_at", "deleted_at") SELECT "id", "part_id", "location_id", "quantity", "batch", "created_at", "updated_at", "deleted_at" FROM `stock_items`;--> statement-breakpoint
DROP TABLE `stock_items`;--> statement-breakpoint
ALTER TABLE `__new_stock_items` RENAME TO `stock_items`;--> statement-breakpoint
CREATE INDEX `stock_items_part` ON `stock_items` (`part_id`);--> statement-breakpoint
CREATE INDEX `stock_items_location` ON `stock_items` (`location_id`);