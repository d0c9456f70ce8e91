CREATE TABLE "open311_client" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_hint" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"rotated_from" uuid,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open311_request" (
	"county_code" text NOT NULL,
	"token" text NOT NULL,
	"client_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text NOT NULL,
	"event_id" uuid,
	"case_no" text,
	"service_code" text NOT NULL,
	"description" text NOT NULL,
	"address_string" text,
	"address_id" text,
	"media_url" text,
	"lng" double precision,
	"lat" double precision,
	"reporter_name" text,
	"phone_sealed" text,
	"device_id_sealed" text,
	"facility_code" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"refused_reason" text,
	CONSTRAINT "open311_request_pkey" PRIMARY KEY("county_code","token")
);
--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "channel" text;--> statement-breakpoint
CREATE UNIQUE INDEX "open311_client_key_hash_key" ON "open311_client" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "open311_client_county_code_idx" ON "open311_client" USING btree ("county_code");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_request_county_code_idempotency_key_key" ON "open311_request" USING btree ("county_code","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_request_county_code_event_id_key" ON "open311_request" USING btree ("county_code","event_id") WHERE event_id is not null;--> statement-breakpoint
CREATE INDEX "open311_request_county_code_status_idx" ON "open311_request" USING btree ("county_code","status","requested_at");--> statement-breakpoint
CREATE INDEX "event_county_code_channel_reported_at_idx" ON "event" USING btree ("county_code","channel","reported_at") WHERE channel is not null;