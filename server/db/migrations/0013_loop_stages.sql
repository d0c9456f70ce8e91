ALTER TABLE "event" ADD COLUMN "co_parts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "returns" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "return_bar" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "urgency" text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "extension_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "special_close" jsonb;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "reopens" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "stage_unit" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "handled_late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "closing_type" text;--> statement-breakpoint
CREATE INDEX "event_stage_unit_status_idx" ON "event" USING btree ("stage_unit","status");--> statement-breakpoint
CREATE INDEX "event_co_units_idx" ON "event" USING gin ("co_units");--> statement-breakpoint
-- Who owes each open case's stage, as the machine now records it (event-machine.core.ts stageUnitOf).
UPDATE "event" SET "stage_unit" = CASE
  WHEN "stage" IN ('sign', 'handle') THEN coalesce("lead_unit", "owner_code")
  WHEN "stage" = 'check' AND coalesce(("rule"->'closing'->>'onSiteCheck')::boolean, false) THEN "grid_code"
  WHEN "stage" IS NOT NULL THEN "owner_code"
END;--> statement-breakpoint
-- A case dispatched under an item without a sign window had no clock until signed: it is due when its handling is.
UPDATE "event" SET "stage_due_at" = "due_at" WHERE "stage" = 'sign' AND "stage_due_at" IS NULL;--> statement-breakpoint
-- Co-handlers named before parts existed: each part due with the lead's handling, signed when the lead signed.
UPDATE "event" SET "co_parts" = (
  SELECT coalesce(jsonb_agg(jsonb_build_object('unit', u, 'signedAt', NULL, 'dueAt', "due_at", 'repliedAt', NULL)), '[]'::jsonb)
  FROM unnest("co_units") AS u
) WHERE cardinality("co_units") > 0 AND "due_at" IS NOT NULL;--> statement-breakpoint
-- Extension days granted so far, from the approvals in each case's history.
UPDATE "event" e SET "extension_days" = s.days FROM (
  SELECT "county_code", "event_id", sum(("data"->>'workingDays')::int) AS days FROM "event_action"
  WHERE "action" = 'extension_approve' AND "data" ? 'workingDays' GROUP BY "county_code", "event_id"
) s WHERE e."county_code" = s."county_code" AND e."id" = s."event_id";--> statement-breakpoint
UPDATE "event" SET "closing_type" = 'normal' WHERE "closed_at" IS NOT NULL;
