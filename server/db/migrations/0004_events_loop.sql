CREATE TABLE "catalogue_change" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"rule" jsonb,
	"retired" boolean NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalogue_change_pkey" PRIMARY KEY("code","version")
);
--> statement-breakpoint
CREATE TABLE "calendar_day" (
	"day" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_id" uuid,
	"order_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notification_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "supervision_order" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"event_id" uuid,
	"unit_code" text NOT NULL,
	"note" text NOT NULL,
	"due_at" timestamp with time zone,
	"status" text NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"reply" text,
	"replied_by_name" text,
	"replied_at" timestamp with time zone,
	"closed_by_name" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "supervision_order_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "unit_warning" (
	"county_code" text NOT NULL,
	"event_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"colour" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "unit_warning_pkey" PRIMARY KEY("county_code","event_id","unit_code","colour")
);
--> statement-breakpoint
CREATE TABLE "warning_rule" (
	"colour" text PRIMARY KEY NOT NULL,
	"any_of" jsonb NOT NULL,
	"sanction" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_item" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_item" ADD COLUMN "local" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_item" ADD COLUMN "retired" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "reporter_name" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "external_no" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "reports" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_county_code_user_id_dedupe_key_key" ON "notification" USING btree ("county_code","user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_user_id_idx" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "supervision_order_unit_code_idx" ON "supervision_order" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "supervision_order_event_id_idx" ON "supervision_order" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "unit_warning_at_idx" ON "unit_warning" USING btree ("at");--> statement-breakpoint
CREATE INDEX "event_item_code_reported_at_idx" ON "event" USING btree ("item_code","reported_at");--> statement-breakpoint
CREATE INDEX "event_lead_unit_idx" ON "event" USING btree ("lead_unit");