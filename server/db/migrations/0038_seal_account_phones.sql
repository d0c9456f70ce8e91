ALTER TABLE "app_user" ADD COLUMN "phone_enc" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "phone_masked" text;