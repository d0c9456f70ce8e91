CREATE TABLE "dispute" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"type_code" text NOT NULL,
	"occurred_on" date NOT NULL,
	"place" text NOT NULL,
	"grid_code" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"people_involved" integer NOT NULL,
	"amount_involved" double precision,
	"risk_level" text NOT NULL,
	"summary" text NOT NULL,
	"round_id" uuid,
	"tier" text NOT NULL,
	"owner_code" text NOT NULL,
	"status" text NOT NULL,
	"agreement" text,
	"follow_up_on" date,
	"referred_to" text,
	"event_id" uuid,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "dispute_party" (
	"county_code" text NOT NULL,
	"dispute_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"credit_code" text,
	"claim" text NOT NULL,
	CONSTRAINT "dispute_party_pkey" PRIMARY KEY("county_code","dispute_id","seq")
);
--> statement-breakpoint
CREATE TABLE "mediation_session" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"held_on" date NOT NULL,
	"mediator" text NOT NULL,
	"present" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "mediation_session_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "screening_grid" (
	"county_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"grid_code" text NOT NULL,
	"declared_none" boolean DEFAULT false NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone,
	CONSTRAINT "screening_grid_pkey" PRIMARY KEY("county_code","round_id","grid_code")
);
--> statement-breakpoint
CREATE TABLE "screening_round" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"area_code" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_round_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE INDEX "dispute_id_idx" ON "dispute" USING btree ("id");--> statement-breakpoint
CREATE INDEX "dispute_grid_code_idx" ON "dispute" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "dispute_round_id_grid_code_idx" ON "dispute" USING btree ("round_id","grid_code");--> statement-breakpoint
CREATE INDEX "dispute_owner_code_status_idx" ON "dispute" USING btree ("owner_code","status");--> statement-breakpoint
CREATE INDEX "mediation_session_dispute_id_idx" ON "mediation_session" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "screening_grid_grid_code_idx" ON "screening_grid" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "screening_round_area_code_idx" ON "screening_round" USING btree ("area_code");