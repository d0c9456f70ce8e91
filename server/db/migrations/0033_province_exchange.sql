CREATE TABLE "province_receiver" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"disclosure" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_action" ADD COLUMN "txid" bigint DEFAULT txid_current() NOT NULL;--> statement-breakpoint
ALTER TABLE "record_change" ADD COLUMN "txid" bigint DEFAULT txid_current() NOT NULL;--> statement-breakpoint
CREATE INDEX "event_action_county_code_txid_idx" ON "event_action" USING btree ("county_code","txid");--> statement-breakpoint
CREATE INDEX "record_change_county_code_txid_idx" ON "record_change" USING btree ("county_code","txid");