CREATE TABLE "index_sheet_summary" (
	"sheet_id" uuid PRIMARY KEY NOT NULL,
	"framework_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"index_pct" numeric(7, 2),
	"total" numeric(7, 2) NOT NULL,
	"applicable_max" numeric(7, 2) NOT NULL,
	"points_lost" numeric(7, 2) NOT NULL,
	"unmet_count" integer NOT NULL,
	"areas" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuing_agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"figures" jsonb,
	"register_entry_id" uuid,
	"issued_on" date,
	"issued_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_report_status_check" CHECK ("results_report"."status" in ('draft','issued')),
	CONSTRAINT "results_report_issued_check" CHECK (("results_report"."status" = 'issued') = ("results_report"."register_entry_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "index_sheet_summary" ADD CONSTRAINT "index_sheet_summary_sheet_id_index_score_sheet_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."index_score_sheet"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_sheet_summary" ADD CONSTRAINT "index_sheet_summary_framework_id_index_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_sheet_summary" ADD CONSTRAINT "index_sheet_summary_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_report" ADD CONSTRAINT "results_report_issuing_agency_id_agency_id_fk" FOREIGN KEY ("issuing_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_report" ADD CONSTRAINT "results_report_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_report" ADD CONSTRAINT "results_report_register_entry_id_document_register_entry_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."document_register_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_report" ADD CONSTRAINT "results_report_issued_by_app_user_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_report" ADD CONSTRAINT "results_report_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "index_sheet_summary_framework_year_idx" ON "index_sheet_summary" USING btree ("framework_id","year");--> statement-breakpoint
CREATE INDEX "index_sheet_summary_unit_id_idx" ON "index_sheet_summary" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "results_report_issuing_agency_id_year_idx" ON "results_report" USING btree ("issuing_agency_id","year");