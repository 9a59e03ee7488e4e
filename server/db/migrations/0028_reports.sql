CREATE TABLE "report_period_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"template_code" text NOT NULL,
	"from_month" integer NOT NULL,
	"from_day" integer NOT NULL,
	"from_year_offset" integer DEFAULT 0 NOT NULL,
	"to_month" integer NOT NULL,
	"to_day" integer NOT NULL,
	"due_month" integer NOT NULL,
	"due_day" integer NOT NULL,
	"opens_days_before_due" integer DEFAULT 15 NOT NULL,
	"remind_working_days" integer DEFAULT 2 NOT NULL,
	"escalate_after_working_days" integer DEFAULT 3 NOT NULL,
	"target_agency_ids" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_period_rule_months_check" CHECK ("report_period_rule"."from_month" between 1 and 12 and "report_period_rule"."to_month" between 1 and 12 and "report_period_rule"."due_month" between 1 and 12),
	CONSTRAINT "report_period_rule_days_check" CHECK ("report_period_rule"."from_day" between 1 and 31 and "report_period_rule"."to_day" between 1 and 31 and "report_period_rule"."due_day" between 1 and 31)
);
--> statement-breakpoint
CREATE TABLE "report_reminder" (
	"submission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_reminder_pkey" PRIMARY KEY("submission_id","kind","day")
);
--> statement-breakpoint
CREATE TABLE "report_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"period_from" date,
	"period_to" date,
	"due_on" date NOT NULL,
	"due_explanation" text,
	"rule_id" uuid,
	"period_year" integer,
	"inspection_id" uuid,
	"target_agency_ids" jsonb NOT NULL,
	"letter" jsonb,
	"register_entry_id" uuid,
	"issued_on" date,
	"remind_working_days" integer DEFAULT 2 NOT NULL,
	"escalate_after_working_days" integer DEFAULT 3 NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_request_kind_check" CHECK ("report_request"."kind" in ('periodic','ad_hoc','pre_visit')),
	CONSTRAINT "report_request_status_check" CHECK ("report_request"."status" in ('draft','open','closed')),
	CONSTRAINT "report_request_pre_visit_check" CHECK (("report_request"."kind" = 'pre_visit') = ("report_request"."inspection_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "report_submission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"late" boolean,
	"content" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"return_reason" text,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_submission_status_check" CHECK ("report_submission"."status" in ('not_started','draft','submitted','returned','accepted'))
);
--> statement-breakpoint
CREATE TABLE "report_submission_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"late" boolean,
	"content" jsonb,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_submission_event_action_check" CHECK ("report_submission_event"."action" in ('submitted','returned','accepted'))
);
--> statement-breakpoint
CREATE TABLE "report_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"body" jsonb NOT NULL,
	"based_on_id" uuid,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_template_status_check" CHECK ("report_template"."status" in ('draft','published')),
	CONSTRAINT "report_template_kind_check" CHECK ("report_template"."kind" in ('periodic','pre_visit','self_inspection','other')),
	CONSTRAINT "report_template_published_check" CHECK (("report_template"."status" = 'published') = ("report_template"."published_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "report_period_rule" ADD CONSTRAINT "report_period_rule_owner_agency_id_agency_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_submission_id_report_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."report_submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_request" ADD CONSTRAINT "report_request_owner_agency_id_agency_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_request" ADD CONSTRAINT "report_request_template_id_report_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_request" ADD CONSTRAINT "report_request_rule_id_report_period_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."report_period_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_request" ADD CONSTRAINT "report_request_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_request" ADD CONSTRAINT "report_request_register_entry_id_document_register_entry_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."document_register_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_request" ADD CONSTRAINT "report_request_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_request_id_report_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."report_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission_event" ADD CONSTRAINT "report_submission_event_submission_id_report_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."report_submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission_event" ADD CONSTRAINT "report_submission_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_template" ADD CONSTRAINT "report_template_owner_agency_id_agency_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_template" ADD CONSTRAINT "report_template_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_period_rule_owner_code_key" ON "report_period_rule" USING btree ("owner_agency_id","code");--> statement-breakpoint
CREATE INDEX "report_request_owner_agency_id_idx" ON "report_request" USING btree ("owner_agency_id");--> statement-breakpoint
CREATE INDEX "report_request_due_on_idx" ON "report_request" USING btree ("due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "report_request_rule_year_key" ON "report_request" USING btree ("rule_id","period_year");--> statement-breakpoint
CREATE UNIQUE INDEX "report_request_inspection_key" ON "report_request" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submission_request_agency_key" ON "report_submission" USING btree ("request_id","agency_id");--> statement-breakpoint
CREATE INDEX "report_submission_agency_id_idx" ON "report_submission" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "report_submission_event_submission_id_idx" ON "report_submission_event" USING btree ("submission_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_template_owner_code_revision_key" ON "report_template" USING btree ("owner_agency_id","code","revision");