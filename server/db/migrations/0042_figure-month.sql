CREATE TABLE "figure_month" (
	"county_code" text NOT NULL,
	"month" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"fact" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "figure_month_pkey" PRIMARY KEY("county_code","dim","fact","month","key")
);
--> statement-breakpoint
CREATE INDEX "figure_month_dim_fact_month_idx" ON "figure_month" USING btree ("dim","fact","month");