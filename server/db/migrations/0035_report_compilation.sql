CREATE TABLE "report_compilation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer,
	"processed" integer DEFAULT 0 NOT NULL,
	"xlsx_sha256" text,
	"docx_sha256" text,
	"job_id" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "report_compilation_status_check" CHECK ("report_compilation"."status" in ('queued','running','done','failed'))
);
--> statement-breakpoint
ALTER TABLE "report_compilation" ADD CONSTRAINT "report_compilation_request_id_report_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."report_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_compilation" ADD CONSTRAINT "report_compilation_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_compilation_requested_by_idx" ON "report_compilation" USING btree ("requested_by");