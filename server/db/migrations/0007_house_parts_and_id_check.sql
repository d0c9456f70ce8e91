ALTER TABLE "house" ADD COLUMN "unit" text;--> statement-breakpoint
ALTER TABLE "house" ADD COLUMN "floor" integer;--> statement-breakpoint
ALTER TABLE "house" ADD COLUMN "room" text;--> statement-breakpoint
ALTER TABLE "house" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "id_check_ok" boolean;