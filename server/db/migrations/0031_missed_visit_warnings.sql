CREATE TABLE "dispute_warning_missed_visit" (
	"county_code" text NOT NULL,
	"warning_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"miss_key" text NOT NULL,
	"last_on" text,
	"days_overdue" integer,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_warning_missed_visit_pkey" PRIMARY KEY("county_code","warning_id","person_id","miss_key")
);
--> statement-breakpoint
CREATE INDEX "dispute_warning_missed_visit_person_id_idx" ON "dispute_warning_missed_visit" USING btree ("county_code","person_id");