CREATE TABLE "house_visit" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"house_code" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"confirmed" integer NOT NULL,
	"moved_out" integer NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	CONSTRAINT "house_visit_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "subject_type" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "subject_key" text;--> statement-breakpoint
CREATE INDEX "house_visit_house_code_at_idx" ON "house_visit" USING btree ("house_code","at");--> statement-breakpoint
CREATE INDEX "event_subject_type_subject_key_idx" ON "event" USING btree ("subject_type","subject_key");