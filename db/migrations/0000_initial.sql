CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`email` text,
	`active` integer DEFAULT true NOT NULL,
	`digest_hour` integer DEFAULT 8 NOT NULL,
	`unread_notifications` integer DEFAULT 0 NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`password_hash` text,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`sign_in_blocked_until` integer DEFAULT 0 NOT NULL,
	`last_sign_in_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (lower("username"));--> statement-breakpoint
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
	`is_low` integer DEFAULT false NOT NULL,
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
CREATE INDEX `parts_low` ON `parts` (`is_low`) WHERE "parts"."is_low";--> statement-breakpoint
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
CREATE INDEX `stock_movements_item` ON `stock_movements` (`item_id`);--> statement-breakpoint
CREATE TABLE `category_subscriptions` (
	`user_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `category_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `part_categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `category_subscriptions_category` ON `category_subscriptions` (`category_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`message` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_unread` ON `notifications` (`user_id`,`created_at`,`id`) WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX `notifications_read` ON `notifications` (`user_id`,`read_at`,`id`) WHERE "notifications"."read_at" is not null;--> statement-breakpoint
CREATE TABLE `part_subscriptions` (
	`user_id` integer NOT NULL,
	`part_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `part_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `part_subscriptions_part` ON `part_subscriptions` (`part_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `digest_queue` (
	`notification_id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `digest_queue_user` ON `digest_queue` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`desktop` integer DEFAULT true NOT NULL,
	`email` integer DEFAULT true NOT NULL,
	`email_mode` text DEFAULT 'immediate' NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`notification_id` integer,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body_id` integer NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`subject_kind` text,
	`subject_id` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`message_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`dedupe_key` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`body_id`) REFERENCES `outbox_bodies`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`next_attempt_at`,`id`) WHERE "outbox"."status" = 'queued';--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`) WHERE "outbox"."dedupe_key" is not null;--> statement-breakpoint
CREATE TABLE `outbox_bodies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bom_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assembly_id` integer NOT NULL,
	`sub_part_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`allow_variants` integer DEFAULT false NOT NULL,
	`optional` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assembly_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sub_part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "bom_lines_quantity_positive" CHECK("bom_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bom_lines_assembly_sub_part` ON `bom_lines` (`assembly_id`,`sub_part_id`);--> statement-breakpoint
CREATE INDEX `bom_lines_sub_part` ON `bom_lines` (`sub_part_id`);--> statement-breakpoint
CREATE TABLE `build_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`assembly_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`target_date` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`completed_by` integer,
	`output_location_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	`overdue_notified_at` integer,
	FOREIGN KEY (`assembly_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`completed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`output_location_id`) REFERENCES `stock_locations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "build_orders_quantity_positive" CHECK("build_orders"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `build_orders_reference` ON `build_orders` (lower("reference"));--> statement-breakpoint
CREATE INDEX `build_orders_status` ON `build_orders` (`status`,`target_date`);--> statement-breakpoint
CREATE INDEX `build_orders_assembly` ON `build_orders` (`assembly_id`);