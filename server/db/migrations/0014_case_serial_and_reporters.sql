CREATE TABLE "case_serial" (
	"county_code" text NOT NULL,
	"day" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_serial_pkey" PRIMARY KEY("county_code","day")
);
--> statement-breakpoint
CREATE TABLE "event_reporter" (
	"county_code" text NOT NULL,
	"event_id" uuid NOT NULL,
	"reporter_key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_reporter_pkey" PRIMARY KEY("county_code","event_id","reporter_key")
);
--> statement-breakpoint
-- Counters start where the day's case numbers already reached, so a report made right after this migration
-- cannot take a number that an earlier one holds.
INSERT INTO "case_serial" ("county_code", "day", "last") SELECT "county_code", left("case_no", 8), max(substring("case_no" from 9)::int) FROM "event" GROUP BY "county_code", left("case_no", 8);--> statement-breakpoint
-- Everyone who already said "me too" counts once from now on: their first one is their row.
INSERT INTO "event_reporter" ("county_code", "event_id", "reporter_key", "at") SELECT "county_code", "event_id", 'user:' || "actor_id", min("at") FROM "event_action" WHERE "action" = 'me_too' AND "actor_id" IS NOT NULL GROUP BY "county_code", "event_id", "actor_id";
