CREATE TABLE "webhook_attempt" (
	"county_code" text NOT NULL,
	"delivery_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"reply" text,
	"error" text,
	"duration_ms" integer NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_attempt_pkey" PRIMARY KEY("county_code","delivery_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "webhook_delivery" (
	"county_code" text NOT NULL,
	"id" bigserial NOT NULL,
	"subscription_id" uuid NOT NULL,
	"fact_key" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_status_code" integer,
	CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_subscription" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"area_code" text NOT NULL,
	"kinds" text[] NOT NULL,
	"purpose" text DEFAULT 'webhook' NOT NULL,
	"algorithm" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"status" text NOT NULL,
	"paused_reason" text,
	"paused_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "open311_client" ADD COLUMN "interfaces" text[] DEFAULT '{open311}'::text[] NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_delivery_county_code_subscription_id_fact_key_key" ON "webhook_delivery" USING btree ("county_code","subscription_id","fact_key");--> statement-breakpoint
CREATE INDEX "webhook_delivery_subscription_id_status_id_idx" ON "webhook_delivery" USING btree ("subscription_id","status","id");--> statement-breakpoint
CREATE INDEX "webhook_delivery_subscription_id_id_idx" ON "webhook_delivery" USING btree ("subscription_id","id");--> statement-breakpoint
CREATE INDEX "webhook_subscription_status_idx" ON "webhook_subscription" USING btree ("status");