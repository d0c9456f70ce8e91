CREATE TABLE "host_account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "host_sign_on_pending" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "host_token_use" (
	"issuer" text NOT NULL,
	"token_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "host_token_use_pkey" PRIMARY KEY("issuer","token_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "host_account_issuer_subject_key" ON "host_account" USING btree ("issuer","subject");--> statement-breakpoint
CREATE INDEX "host_account_user_id_idx" ON "host_account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "host_token_use_expires_at_idx" ON "host_token_use" USING btree ("expires_at");