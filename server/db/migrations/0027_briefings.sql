CREATE TABLE "briefing" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"trigger" text NOT NULL,
	"generated_by" text,
	"generated_at" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL,
	CONSTRAINT "briefing_pkey" PRIMARY KEY("id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "briefing_area_code_period_version_key" ON "briefing" USING btree ("area_code","period","version");--> statement-breakpoint
CREATE INDEX "briefing_area_code_generated_at_idx" ON "briefing" USING btree ("area_code","generated_at");