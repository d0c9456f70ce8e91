CREATE TABLE "catalogue_item" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"rule" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"item_code" text NOT NULL,
	"rule" jsonb NOT NULL,
	"severity" text NOT NULL,
	"description" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"grid_code" text NOT NULL,
	"owner_code" text NOT NULL,
	"lead_unit" text,
	"co_units" text[] DEFAULT '{}'::text[] NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reporter_id" uuid,
	"reporter_phone" text,
	"tracking_code" text,
	"idempotency_key" text,
	"merged_into" uuid,
	"returned_from" text,
	"extension" jsonb,
	"escalations" integer DEFAULT 0 NOT NULL,
	"reworks" integer DEFAULT 0 NOT NULL,
	"extensions" integer DEFAULT 0 NOT NULL,
	"stage" text,
	"stage_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"rating" text,
	"reported_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "event_action" (
	"county_code" text NOT NULL,
	"event_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb,
	CONSTRAINT "event_action_pkey" PRIMARY KEY("county_code","event_id","seq")
);
--> statement-breakpoint
CREATE INDEX "catalogue_item_parent_code_idx" ON "catalogue_item" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "event_county_code_reporter_id_idempotency_key_key" ON "event" USING btree ("county_code","reporter_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "event_county_code_tracking_code_key" ON "event" USING btree ("county_code","tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "event_county_code_case_no_key" ON "event" USING btree ("county_code","case_no");--> statement-breakpoint
CREATE INDEX "event_grid_code_idx" ON "event" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "event_status_idx" ON "event" USING btree ("status");--> statement-breakpoint
CREATE INDEX "event_reported_at_idx" ON "event" USING btree ("reported_at");