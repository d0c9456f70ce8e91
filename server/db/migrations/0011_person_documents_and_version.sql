ALTER TABLE "person" ADD COLUMN "id_type" text DEFAULT '111' NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "permit_type" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "permit_expiry" date;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "left_behind_type" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "nationality" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "foreign_name" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "visit_purpose" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "arrival_date" date;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "departure_date" date;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;