CREATE TABLE "citizen_session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"message_id" uuid NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "phone_enc" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "phone_masked" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "reporter_phone_hash" text;--> statement-breakpoint
CREATE INDEX "citizen_session_expires_at_idx" ON "citizen_session" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sms_code_phone_hash_created_at_idx" ON "sms_code" USING btree ("phone_hash","created_at");--> statement-breakpoint
CREATE INDEX "event_reporter_phone_hash_idx" ON "event" USING btree ("reporter_phone_hash") WHERE reporter_phone_hash is not null;