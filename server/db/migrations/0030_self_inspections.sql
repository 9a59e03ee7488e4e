CREATE TABLE "self_inspection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"document_number" text,
	"issued_on" date,
	"content" text NOT NULL,
	"scope" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"results_on" date,
	"inspected_count" integer,
	"shortcoming_count" integer,
	"fixed_count" integer,
	"findings" text,
	"remedies" text,
	"result_submission_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_inspection_status_check" CHECK ("self_inspection"."status" in ('planned','reported')),
	CONSTRAINT "self_inspection_dates_check" CHECK ("self_inspection"."ends_on" >= "self_inspection"."starts_on"),
	CONSTRAINT "self_inspection_results_check" CHECK (("self_inspection"."status" = 'reported') = ("self_inspection"."results_on" is not null)),
	CONSTRAINT "self_inspection_counts_check" CHECK (coalesce("self_inspection"."fixed_count", 0) <= coalesce("self_inspection"."shortcoming_count", 0) and coalesce("self_inspection"."inspected_count", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "self_inspection" ADD CONSTRAINT "self_inspection_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection" ADD CONSTRAINT "self_inspection_result_submission_id_report_submission_id_fk" FOREIGN KEY ("result_submission_id") REFERENCES "public"."report_submission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection" ADD CONSTRAINT "self_inspection_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "self_inspection_agency_id_year_key" ON "self_inspection" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "self_inspection_year_idx" ON "self_inspection" USING btree ("year");