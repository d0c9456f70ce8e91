CREATE TABLE "area" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"geometry" jsonb,
	"min_lng" double precision,
	"min_lat" double precision,
	"max_lng" double precision,
	"max_lat" double precision,
	CONSTRAINT "area_level_check" CHECK ("area"."level" in ('city','county','township','village'))
);
--> statement-breakpoint
CREATE TABLE "grid" (
	"county_code" text NOT NULL,
	"code" text NOT NULL,
	"village_code" text NOT NULL,
	"name" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"min_lng" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"area_m2" double precision NOT NULL,
	"households" integer,
	"population" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grid_pkey" PRIMARY KEY("county_code","code"),
	CONSTRAINT "grid_code_check" CHECK ("grid"."code" ~ '^[0-9]{15}$' and left("grid"."code", 6) = "grid"."county_code")
);
--> statement-breakpoint
CREATE TABLE "grid_member" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"grid_code" text NOT NULL,
	"role" text NOT NULL,
	"employment" text,
	"name" text NOT NULL,
	"phone" text,
	"user_id" uuid,
	CONSTRAINT "grid_member_pkey" PRIMARY KEY("county_code","id"),
	CONSTRAINT "grid_member_role_check" CHECK ("grid_member"."role" in ('grid_leader','grid_worker','instructor','assistant','party_helper'))
);
--> statement-breakpoint
CREATE TABLE "grid_unit_link" (
	"county_code" text NOT NULL,
	"grid_code" text NOT NULL,
	"network_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"overlap_m2" double precision NOT NULL,
	CONSTRAINT "grid_unit_link_pkey" PRIMARY KEY("county_code","grid_code","network_code","unit_code")
);
--> statement-breakpoint
CREATE TABLE "professional_network" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professional_unit" (
	"network_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"min_lng" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	CONSTRAINT "professional_unit_pkey" PRIMARY KEY("network_code","code")
);
--> statement-breakpoint
CREATE TABLE "department" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"area_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_grid_claim" (
	"county_code" text NOT NULL,
	"grid_code" text NOT NULL,
	"department_code" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "department_grid_claim_pkey" PRIMARY KEY("county_code","grid_code","department_code")
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"phone" text,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"department_code" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "user_area" (
	"user_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	CONSTRAINT "user_area_pkey" PRIMARY KEY("user_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "user_session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "area_parent_code_idx" ON "area" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "grid_code_idx" ON "grid" USING btree ("code");--> statement-breakpoint
CREATE INDEX "grid_village_code_idx" ON "grid" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "grid_member_grid_code_idx" ON "grid_member" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "grid_unit_link_network_code_unit_code_idx" ON "grid_unit_link" USING btree ("network_code","unit_code");--> statement-breakpoint
CREATE INDEX "department_grid_claim_department_code_idx" ON "department_grid_claim" USING btree ("department_code");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user" USING btree ("username");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "user_session_user_id_idx" ON "user_session" USING btree ("user_id");