CREATE TABLE `outbox_bodies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `outbox_status`;--> statement-breakpoint
DROP INDEX `outbox_dedupe`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `body_id` integer NOT NULL REFERENCES outbox_bodies(id);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`) WHERE "outbox"."dedupe_key" is not null;--> statement-breakpoint
ALTER TABLE `outbox` DROP COLUMN `text_body`;--> statement-breakpoint
ALTER TABLE `outbox` DROP COLUMN `html_body`;