CREATE TABLE "assessment_result" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"assessee_code" text NOT NULL,
	"assessee_name" text NOT NULL,
	"area_code" text NOT NULL,
	"grid_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"items" jsonb NOT NULL,
	"computed_score" double precision NOT NULL,
	"adjustment" double precision DEFAULT 0 NOT NULL,
	"adjust_reason" text,
	"adjusted_by" text,
	"adjusted_at" timestamp with time zone,
	"score" double precision NOT NULL,
	"band" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessment_result_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_run" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"scheme" jsonb NOT NULL,
	"computed_by" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"published_by" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessment_run_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_scheme" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"bands" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_scheme_pkey" PRIMARY KEY("id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_result_county_code_run_id_assessee_code_key" ON "assessment_result" USING btree ("county_code","run_id","assessee_code");--> statement-breakpoint
CREATE INDEX "assessment_result_area_code_idx" ON "assessment_result" USING btree ("area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_run_county_code_kind_period_key" ON "assessment_run" USING btree ("county_code","kind","period");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_scheme_area_code_kind_key" ON "assessment_scheme" USING btree ("area_code","kind");