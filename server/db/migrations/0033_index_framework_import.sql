CREATE TABLE "index_framework_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"dry_run" boolean NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" jsonb,
	"job_id" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "index_framework_import_status_check" CHECK ("index_framework_import"."status" in ('queued','running','done','rejected','failed'))
);
--> statement-breakpoint
ALTER TABLE "index_framework_import" ADD CONSTRAINT "index_framework_import_framework_id_index_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_framework_import" ADD CONSTRAINT "index_framework_import_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "index_framework_import_framework_id_idx" ON "index_framework_import" USING btree ("framework_id");