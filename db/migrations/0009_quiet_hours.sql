ALTER TABLE `users` ADD `quiet_hours` text;--> statement-breakpoint
ALTER TABLE `digest_queue` ADD `release_at` integer;