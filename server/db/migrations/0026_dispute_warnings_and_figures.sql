CREATE TABLE "dispute_figure" (
	"county_code" text NOT NULL,
	"village_code" text NOT NULL,
	"month" text NOT NULL,
	"type_code" text NOT NULL,
	"tier" text NOT NULL,
	"outcome" text NOT NULL,
	"n" integer NOT NULL,
	"timed" integer DEFAULT 0 NOT NULL,
	"working_days" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "dispute_figure_pkey" PRIMARY KEY("county_code","village_code","month","type_code","tier","outcome")
);
--> statement-breakpoint
CREATE TABLE "dispute_warning" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rule_key" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"unit_code" text NOT NULL,
	"subject" text NOT NULL,
	"params" jsonb NOT NULL,
	"state" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"closed_by_name" text,
	"closed_at" timestamp with time zone,
	"reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dispute_warning_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "dispute_warning_evidence" (
	"county_code" text NOT NULL,
	"warning_id" uuid NOT NULL,
	"dispute_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_warning_evidence_pkey" PRIMARY KEY("county_code","warning_id","dispute_id")
);
--> statement-breakpoint
CREATE TABLE "dispute_warning_rule" (
	"county_code" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"enabled" boolean NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_warning_rule_pkey" PRIMARY KEY("county_code","key")
);
--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "escalations" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute" ADD COLUMN "working_days" double precision;--> statement-breakpoint
CREATE INDEX "dispute_warning_id_idx" ON "dispute_warning" USING btree ("id");--> statement-breakpoint
CREATE INDEX "dispute_warning_county_code_rule_key_subject_idx" ON "dispute_warning" USING btree ("county_code","rule_key","subject");--> statement-breakpoint
CREATE INDEX "dispute_warning_unit_code_state_idx" ON "dispute_warning" USING btree ("unit_code","state");--> statement-breakpoint
CREATE INDEX "dispute_warning_evidence_dispute_id_idx" ON "dispute_warning_evidence" USING btree ("county_code","dispute_id");--> statement-breakpoint
CREATE INDEX "dispute_county_code_occurred_on_idx" ON "dispute" USING btree ("county_code","occurred_on");--> statement-breakpoint
CREATE INDEX "dispute_county_code_reported_at_idx" ON "dispute" USING btree ("county_code","reported_at");--> statement-breakpoint
CREATE INDEX "dispute_party_person_id_idx" ON "dispute_party" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "dispute_party_credit_code_idx" ON "dispute_party" USING btree ("credit_code");