CREATE TABLE "admin_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_roles" text[] NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "admin_change_target_user_id_pending_key" ON "admin_change" USING btree ("target_user_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "admin_change_requested_at_idx" ON "admin_change" USING btree ("requested_at");