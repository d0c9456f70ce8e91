CREATE TABLE "building" (
	"county_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"estate" text,
	"address_code" text,
	"address" text NOT NULL,
	"grid_code" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"floors" integer,
	"units" integer,
	"households" integer,
	"leader_name" text,
	"leader_phone_enc" text,
	"leader_phone_hash" text,
	"leader_phone_masked" text,
	"leader_person_id" uuid,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "building_pkey" PRIMARY KEY("county_code","code")
);
--> statement-breakpoint
CREATE TABLE "household_group" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"grid_code" text NOT NULL,
	"lead_house_code" text,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "household_group_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "household_group_member" (
	"county_code" text NOT NULL,
	"group_id" uuid NOT NULL,
	"house_code" text NOT NULL,
	CONSTRAINT "household_group_member_pkey" PRIMARY KEY("county_code","group_id","house_code")
);
--> statement-breakpoint
CREATE TABLE "standard_address" (
	"county_code" text NOT NULL,
	"code" text NOT NULL,
	"full_text" text NOT NULL,
	"road" text,
	"door_number" text,
	"estate" text,
	"building" text,
	"unit" text,
	"room" text,
	"grid_code" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "standard_address_pkey" PRIMARY KEY("county_code","code")
);
--> statement-breakpoint
CREATE INDEX "building_code_idx" ON "building" USING btree ("code");--> statement-breakpoint
CREATE INDEX "building_grid_code_idx" ON "building" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "building_address_code_idx" ON "building" USING btree ("address_code");--> statement-breakpoint
CREATE INDEX "building_address_idx" ON "building" USING btree ("address");--> statement-breakpoint
CREATE INDEX "household_group_id_idx" ON "household_group" USING btree ("id");--> statement-breakpoint
CREATE INDEX "household_group_grid_code_idx" ON "household_group" USING btree ("grid_code");--> statement-breakpoint
CREATE UNIQUE INDEX "household_group_member_county_code_house_code_key" ON "household_group_member" USING btree ("county_code","house_code");--> statement-breakpoint
CREATE INDEX "household_group_member_group_id_idx" ON "household_group_member" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "standard_address_code_idx" ON "standard_address" USING btree ("code");--> statement-breakpoint
CREATE INDEX "standard_address_grid_code_idx" ON "standard_address" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "standard_address_full_text_idx" ON "standard_address" USING btree ("full_text");--> statement-breakpoint
CREATE INDEX "house_building_code_idx" ON "house" USING btree ("building_code");