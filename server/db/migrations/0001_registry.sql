CREATE TABLE "house" (
	"county_code" text NOT NULL,
	"code" text NOT NULL,
	"grid_code" text NOT NULL,
	"building_code" text,
	"address" text NOT NULL,
	"use" text NOT NULL,
	"area_m2" double precision,
	"owner_name" text,
	"owner_id_enc" text,
	"owner_id_hash" text,
	"owner_id_masked" text,
	"owner_phone_enc" text,
	"owner_phone_hash" text,
	"owner_phone_masked" text,
	"rented" boolean NOT NULL,
	"rental_use" text,
	"rental_category" text,
	"rental_level" text,
	"hazards" text[] DEFAULT '{}'::text[] NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "house_pkey" PRIMARY KEY("county_code","code")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"resident_type" text NOT NULL,
	"hukou_region" text,
	"hukou_address" text,
	"inflow_reason" text,
	"special_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"key_person_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"grid_code" text NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "record_change" (
	"county_code" text NOT NULL,
	"id" bigserial NOT NULL,
	"record_type" text NOT NULL,
	"record_key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "record_change_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "residence" (
	"county_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"house_code" text NOT NULL,
	"relation" text,
	"moved_in" date NOT NULL,
	"moved_out" date,
	CONSTRAINT "residence_pkey" PRIMARY KEY("county_code","person_id","house_code","moved_in")
);
--> statement-breakpoint
CREATE INDEX "house_code_idx" ON "house" USING btree ("code");--> statement-breakpoint
CREATE INDEX "house_grid_code_idx" ON "house" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "house_address_idx" ON "house" USING btree ("address");--> statement-breakpoint
CREATE UNIQUE INDEX "person_county_code_id_number_hash_key" ON "person" USING btree ("county_code","id_number_hash");--> statement-breakpoint
CREATE INDEX "person_id_number_hash_idx" ON "person" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "person_id_idx" ON "person" USING btree ("id");--> statement-breakpoint
CREATE INDEX "person_phone_hash_idx" ON "person" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "person_name_idx" ON "person" USING btree ("name");--> statement-breakpoint
CREATE INDEX "person_grid_code_idx" ON "person" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "record_change_record_type_record_key_idx" ON "record_change" USING btree ("record_type","record_key");--> statement-breakpoint
CREATE INDEX "residence_house_code_idx" ON "residence" USING btree ("house_code");--> statement-breakpoint
CREATE INDEX "residence_person_id_idx" ON "residence" USING btree ("person_id");