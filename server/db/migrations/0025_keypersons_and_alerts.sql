CREATE TABLE "household_alert" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"group_name" text NOT NULL,
	"grid_code" text NOT NULL,
	"house_code" text,
	"kind" text NOT NULL,
	"note" text,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"event_id" uuid,
	"case_no" text,
	"dispute_id" uuid,
	"converted_by" uuid,
	"converted_at" timestamp with time zone,
	CONSTRAINT "household_alert_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "follow_up_plan" (
	"county_code" text NOT NULL,
	"tag_kind" text NOT NULL,
	"tag_code" text NOT NULL,
	"cadence" text NOT NULL,
	"interval_days" integer,
	"follower" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_up_plan_pkey" PRIMARY KEY("county_code","tag_kind","tag_code")
);
--> statement-breakpoint
ALTER TABLE "house_visit" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "house_visit" ADD COLUMN "followed_tags" text[];--> statement-breakpoint
CREATE INDEX "household_alert_group_id_at_idx" ON "household_alert" USING btree ("group_id","at");--> statement-breakpoint
CREATE INDEX "household_alert_grid_code_idx" ON "household_alert" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "house_visit_person_id_at_idx" ON "house_visit" USING btree ("person_id","at");