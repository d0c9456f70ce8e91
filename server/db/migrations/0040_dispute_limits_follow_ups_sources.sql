CREATE TABLE "dispute_follow_up" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"owner_code" text NOT NULL,
	"due_on" date NOT NULL,
	"performance" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_follow_up_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "dispute_setting" (
	"county_code" text NOT NULL,
	"mediation_days" jsonb NOT NULL,
	"follow_up_days" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_setting_pkey" PRIMARY KEY("county_code")
);
--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "source_event_id" uuid;--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "source_kind" text;--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "source_case_no" text;--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "mediation_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "mediation_days" integer;--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "mediation_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "followed_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "performance" text;--> statement-breakpoint
ALTER TABLE "mediation_session" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "mediation_session" ADD COLUMN "method" text DEFAULT 'people' NOT NULL;--> statement-breakpoint
CREATE INDEX "dispute_follow_up_dispute_id_idx" ON "dispute_follow_up" USING btree ("county_code","dispute_id");--> statement-breakpoint
CREATE INDEX "dispute_follow_up_county_code_at_idx" ON "dispute_follow_up" USING btree ("county_code","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_county_code_source_event_id_key" ON "dispute" USING btree ("county_code","source_event_id") WHERE source_event_id is not null;--> statement-breakpoint
CREATE INDEX "dispute_event_id_idx" ON "dispute" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "dispute_county_code_follow_up_on_idx" ON "dispute" USING btree ("county_code","follow_up_on") WHERE status = 'resolved' and followed_up_at is null;--> statement-breakpoint
CREATE INDEX "dispute_county_code_mediation_due_at_idx" ON "dispute" USING btree ("county_code","mediation_due_at") WHERE mediation_due_at is not null;