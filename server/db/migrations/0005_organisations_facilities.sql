CREATE TABLE "facility" (
	"county_code" text NOT NULL,
	"code" text NOT NULL,
	"class_code" text NOT NULL,
	"name" text NOT NULL,
	"grid_code" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"owner_dept" text NOT NULL,
	"maintainer_dept" text,
	"state" text NOT NULL,
	"note" text,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "facility_pkey" PRIMARY KEY("county_code","code")
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"county_code" text NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"org_type" text NOT NULL,
	"address" text NOT NULL,
	"grid_code" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"legal_rep" text,
	"safety_contact" text,
	"safety_phone_enc" text,
	"safety_phone_hash" text,
	"safety_phone_masked" text,
	"hazards" text[] DEFAULT '{}'::text[] NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organisation_pkey" PRIMARY KEY("county_code","credit_code")
);
--> statement-breakpoint
CREATE INDEX "facility_code_idx" ON "facility" USING btree ("code");--> statement-breakpoint
CREATE INDEX "facility_grid_code_idx" ON "facility" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "facility_class_code_idx" ON "facility" USING btree ("class_code");--> statement-breakpoint
CREATE INDEX "organisation_credit_code_idx" ON "organisation" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "organisation_grid_code_idx" ON "organisation" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "organisation_name_idx" ON "organisation" USING btree ("name");