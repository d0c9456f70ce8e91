CREATE TABLE "sms_message" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"template" text NOT NULL,
	"template_code" text NOT NULL,
	"sign_name" text NOT NULL,
	"params" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"provider" text NOT NULL,
	"status" text NOT NULL,
	"refused_by" text,
	"provider_message_id" text,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "sms_message_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
ALTER TABLE "call_to_locate" ALTER COLUMN "received_by" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "sms_message_phone_hash_created_at_idx" ON "sms_message" USING btree ("phone_hash","created_at");--> statement-breakpoint
CREATE INDEX "sms_message_user_id_created_at_idx" ON "sms_message" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_message_created_at_idx" ON "sms_message" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "call_to_locate_channel_key_key" ON "call_to_locate" USING btree ("county_code","idempotency_key") WHERE received_by is null;