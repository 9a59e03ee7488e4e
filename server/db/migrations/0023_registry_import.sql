CREATE TABLE "registry_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dry_run" boolean NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer,
	"processed" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"job_id" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "registry_import_status_check" CHECK ("registry_import"."status" in ('queued','running','done','rejected','failed'))
);
--> statement-breakpoint
ALTER TABLE "registry_import" ADD CONSTRAINT "registry_import_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_import_requested_by_idx" ON "registry_import" USING btree ("requested_by");