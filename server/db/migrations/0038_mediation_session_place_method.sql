ALTER TABLE "mediation_session" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "mediation_session" ADD COLUMN "method" text DEFAULT 'people' NOT NULL;