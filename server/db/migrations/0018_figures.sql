CREATE TABLE "figure_case" (
	"county_code" text NOT NULL,
	"event_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"day" text NOT NULL,
	"grid_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"item_code" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"facts" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "figure_case_pkey" PRIMARY KEY("county_code","event_id")
);
--> statement-breakpoint
CREATE TABLE "figure_count" (
	"county_code" text NOT NULL,
	"day" text NOT NULL,
	"grid_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"item_code" text NOT NULL,
	"source" text NOT NULL,
	"fact" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "figure_count_pkey" PRIMARY KEY("county_code","day","grid_code","unit_code","item_code","source","fact")
);
--> statement-breakpoint
CREATE INDEX "figure_case_county_code_day_idx" ON "figure_case" USING btree ("county_code","day");--> statement-breakpoint
CREATE INDEX "figure_case_day_idx" ON "figure_case" USING btree ("day");--> statement-breakpoint
CREATE INDEX "figure_count_day_idx" ON "figure_count" USING btree ("day");