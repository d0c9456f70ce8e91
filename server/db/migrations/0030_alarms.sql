CREATE TABLE "alarm" (
	"county_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"item_code" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"registered_point" boolean NOT NULL,
	"snapshot" text,
	"note" text,
	"window_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"repeat" boolean NOT NULL,
	CONSTRAINT "alarm_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "alarm_device" (
	"county_code" text NOT NULL,
	"device_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alarm_device_county_code_device_id_pk" PRIMARY KEY("county_code","device_id")
);
--> statement-breakpoint
CREATE TABLE "alarm_window" (
	"county_code" text NOT NULL,
	"device_id" text NOT NULL,
	"item_code" text NOT NULL,
	"window_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alarm_window_county_code_device_id_item_code_pk" PRIMARY KEY("county_code","device_id","item_code")
);
--> statement-breakpoint
CREATE INDEX "alarm_county_code_window_id_idx" ON "alarm" USING btree ("county_code","window_id");