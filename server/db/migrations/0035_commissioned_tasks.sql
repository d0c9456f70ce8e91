CREATE TABLE "task" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"no" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"description" text,
	"fields" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"subsidy" integer NOT NULL,
	"status" text NOT NULL,
	"unit_name" text NOT NULL,
	"drafted_by_id" uuid NOT NULL,
	"drafted_by" text NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"refusal" text,
	"rule_id" uuid,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "task_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "task_entry" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"grid_code" text NOT NULL,
	"subject_key" text NOT NULL,
	"subject_name" text NOT NULL,
	"values" jsonb NOT NULL,
	"worker_id" uuid NOT NULL,
	"worker_name" text NOT NULL,
	"filled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "task_entry_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "task_grid" (
	"county_code" text NOT NULL,
	"task_id" uuid NOT NULL,
	"grid_code" text NOT NULL,
	CONSTRAINT "task_grid_pkey" PRIMARY KEY("county_code","task_id","grid_code")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "task_county_code_no_key" ON "task" USING btree ("county_code","no");--> statement-breakpoint
CREATE UNIQUE INDEX "task_entry_county_code_task_id_subject_key_key" ON "task_entry" USING btree ("county_code","task_id","subject_key");--> statement-breakpoint
CREATE INDEX "task_grid_grid_code_idx" ON "task_grid" USING btree ("grid_code");