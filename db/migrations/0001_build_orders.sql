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