CREATE TABLE `notification_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`message` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mail_fanouts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`notification_ids` text NOT NULL,
	`bodies` text NOT NULL,
	`subject_kind` text,
	`subject_id` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
-- Hand-written: every existing notification becomes an event of its own, keeping its id; its message
-- loses the reason sentence it used to end with (the reason is kept on the person's row).
INSERT INTO `notification_events` (`id`, `kind`, `title`, `message`, `target_kind`, `target_id`, `data`, `created_at`)
SELECT `id`, `kind`, `title`,
	CASE WHEN `reason` != '' AND substr(`message`, -length(`reason`)) = `reason`
		THEN rtrim(substr(`message`, 1, length(`message`) - length(`reason`))) ELSE `message` END,
	`target_kind`, `target_id`, `data`, `created_at`
FROM `notifications`;
--> statement-breakpoint
CREATE TABLE `__new_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`settled` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `notification_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_notifications` (`id`, `user_id`, `event_id`, `kind`, `reason`, `created_at`, `read_at`, `settled`)
SELECT `id`, `user_id`, `id`, `kind`, `reason`, `created_at`, `read_at`, 1 FROM `notifications` ORDER BY `id`;
--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
CREATE INDEX `notifications_unread` ON `notifications` (`user_id`,`created_at`,`id`) WHERE "notifications"."read_at" is null and "notifications"."settled" = 1;--> statement-breakpoint
CREATE INDEX `notifications_fresh` ON `notifications` (`user_id`,`created_at`,`id`) WHERE "notifications"."read_at" is null and "notifications"."settled" = 0;--> statement-breakpoint
CREATE INDEX `notifications_read` ON `notifications` (`user_id`,`read_at`,`id`) WHERE "notifications"."read_at" is not null;--> statement-breakpoint
CREATE INDEX `notifications_event` ON `notifications` (`event_id`);
