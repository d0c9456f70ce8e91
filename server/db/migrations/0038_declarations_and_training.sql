CREATE TABLE "declaration" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"grid_code" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"name" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"came_from" text NOT NULL,
	"answers" jsonb NOT NULL,
	"device_hash" text NOT NULL,
	"address_hash" text NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"decided_by_id" uuid,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"rejection" text,
	"person_id" uuid,
	"matched" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "declaration_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "declaration_point" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"building_code" text,
	"grid_code" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"token" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "declaration_point_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "training_attendee" (
	"county_code" text NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"area_code" text NOT NULL,
	CONSTRAINT "training_attendee_pkey" PRIMARY KEY("county_code","session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_session" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"topic" text NOT NULL,
	"held_on" date NOT NULL,
	"tenth_hours" integer NOT NULL,
	"trainer" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_session_pkey" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_county_code_idempotency_key_key" ON "declaration" USING btree ("county_code","idempotency_key");--> statement-breakpoint
CREATE INDEX "declaration_county_code_point_id_status_idx" ON "declaration" USING btree ("county_code","point_id","status");--> statement-breakpoint
CREATE INDEX "declaration_device_hash_declared_at_idx" ON "declaration" USING btree ("device_hash","declared_at");--> statement-breakpoint
CREATE INDEX "declaration_address_hash_declared_at_idx" ON "declaration" USING btree ("address_hash","declared_at");--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_point_token_key" ON "declaration_point" USING btree ("token");--> statement-breakpoint
CREATE INDEX "declaration_point_county_code_task_id_idx" ON "declaration_point" USING btree ("county_code","task_id");--> statement-breakpoint
CREATE INDEX "training_attendee_user_id_idx" ON "training_attendee" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_session_area_code_held_on_idx" ON "training_session" USING btree ("area_code","held_on");