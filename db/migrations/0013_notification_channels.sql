CREATE TABLE `channel_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` integer NOT NULL,
	`notification_id` integer,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`subject_id` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`response_status` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `channel_deliveries_due` ON `channel_deliveries` (`next_attempt_at`,`id`) WHERE "channel_deliveries"."status" = 'queued';--> statement-breakpoint
CREATE INDEX `channel_deliveries_channel` ON `channel_deliveries` (`channel_id`,`id`);--> statement-breakpoint
CREATE INDEX `channel_deliveries_notification` ON `channel_deliveries` (`notification_id`);--> statement-breakpoint
CREATE TABLE `channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`group_id` integer,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`sealed_secret` text DEFAULT '' NOT NULL,
	`kinds` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "channels_owner" CHECK(("channels"."user_id" is null) <> ("channels"."group_id" is null))
);
--> statement-breakpoint
CREATE INDEX `channels_user` ON `channels` (`user_id`);--> statement-breakpoint
CREATE INDEX `channels_group` ON `channels` (`group_id`);