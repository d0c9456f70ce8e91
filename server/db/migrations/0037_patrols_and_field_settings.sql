CREATE TABLE "county_setting" (
	"county_code" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "county_setting_pkey" PRIMARY KEY("county_code","key")
);
--> statement-breakpoint
CREATE TABLE "entry_time" (
	"county_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entry_key" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"seconds" integer NOT NULL,
	CONSTRAINT "entry_time_pkey" PRIMARY KEY("county_code","user_id","kind","entry_key")
);
--> statement-breakpoint
CREATE TABLE "patrol" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"department_code" text,
	"home_code" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"grid_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"tracked" boolean NOT NULL,
	"note" text,
	"start_key" text NOT NULL,
	CONSTRAINT "patrol_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "patrol_point" (
	"county_code" text NOT NULL,
	"patrol_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"grid_code" text,
	CONSTRAINT "patrol_point_pkey" PRIMARY KEY("county_code","patrol_id","at")
);
--> statement-breakpoint
CREATE TABLE "zero_report" (
	"county_code" text NOT NULL,
	"village_code" text NOT NULL,
	"day" text NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "zero_report_pkey" PRIMARY KEY("county_code","village_code","day")
);
--> statement-breakpoint
CREATE INDEX "entry_time_user_id_submitted_at_idx" ON "entry_time" USING btree ("user_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_county_code_user_id_start_key_key" ON "patrol" USING btree ("county_code","user_id","start_key");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_county_code_user_id_open_key" ON "patrol" USING btree ("county_code","user_id") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "patrol_county_code_started_at_idx" ON "patrol" USING btree ("county_code","started_at");--> statement-breakpoint
CREATE INDEX "patrol_user_id_started_at_idx" ON "patrol" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "patrol_point_county_code_at_idx" ON "patrol_point" USING btree ("county_code","at");