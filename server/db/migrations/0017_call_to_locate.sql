CREATE TABLE "call_to_locate" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"status" text NOT NULL,
	"address" text NOT NULL,
	"report" jsonb NOT NULL,
	"phone_sealed" text,
	"idempotency_key" text,
	"received_by" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"placed_by" uuid,
	"event_id" uuid,
	"case_no" text,
	CONSTRAINT "call_to_locate_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "call_to_locate_receiver_key_key" ON "call_to_locate" USING btree ("county_code","received_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "call_to_locate_waiting_idx" ON "call_to_locate" USING btree ("county_code","status","area_code");