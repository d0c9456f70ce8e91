CREATE TABLE "reward_entry" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"worker_name" text NOT NULL,
	"grid_code" text,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"origin" text NOT NULL,
	"rule_id" uuid,
	"rule" jsonb,
	"case_id" uuid,
	"case_no" text,
	"item_code" text,
	"item_name" text,
	"stars" integer,
	"result_id" uuid,
	"reference" text,
	"reason" text,
	"entered_by" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reward_entry_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "reward_rule" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"amount" integer NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reward_rule_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "reward_sheet" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"computed_by" text,
	"computed_at" timestamp with time zone,
	"submitted_by_id" uuid,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reward_sheet_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE INDEX "reward_entry_county_code_sheet_id_idx" ON "reward_entry" USING btree ("county_code","sheet_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reward_entry_county_code_case_id_key" ON "reward_entry" USING btree ("county_code","case_id") WHERE case_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reward_rule_county_code_kind_key_key" ON "reward_rule" USING btree ("county_code","kind","key");--> statement-breakpoint
CREATE UNIQUE INDEX "reward_sheet_county_code_period_key" ON "reward_sheet" USING btree ("county_code","period");