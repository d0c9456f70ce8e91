CREATE TABLE "follow_up_assignment" (
	"county_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"follower_id" uuid,
	"grid_code" text,
	"reason" text NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_by_name" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "follow_up_assignment_pkey" PRIMARY KEY("county_code","person_id")
);
--> statement-breakpoint
CREATE INDEX "follow_up_assignment_follower_id_idx" ON "follow_up_assignment" USING btree ("follower_id");--> statement-breakpoint
CREATE INDEX "follow_up_assignment_grid_code_idx" ON "follow_up_assignment" USING btree ("grid_code");