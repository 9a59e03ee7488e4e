CREATE TABLE "corrective_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conclusion_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"content" text NOT NULL,
	"content_group" text,
	"responsible_agency_id" uuid NOT NULL,
	"due_on" date,
	"due_working_days" integer,
	"report_due_on" date,
	"report_due_working_days" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"plan_text" text,
	"reinspection_id" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corrective_action_status_check" CHECK ("corrective_action"."status" in ('draft','open','in_progress','reported','closed')),
	CONSTRAINT "corrective_action_due_check" CHECK ("corrective_action"."due_on" is not null or "corrective_action"."due_working_days" is not null),
	CONSTRAINT "corrective_action_due_fixed_check" CHECK ("corrective_action"."status" = 'draft' or "corrective_action"."due_on" is not null),
	CONSTRAINT "corrective_action_working_days_check" CHECK (coalesce("corrective_action"."due_working_days", 1) between 1 and 365 and coalesce("corrective_action"."report_due_working_days", 1) between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "corrective_action_reminder" (
	"action_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrective_action_update" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"move" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"note" text,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"issuing_agency_id" uuid NOT NULL,
	"form" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"register_entry_id" uuid,
	"issued_on" date,
	"decided_on" date,
	"decision_note" text,
	"result_on" date,
	"result" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_form_check" CHECK ("escalation"."form" in ('to_trinh','cong_van')),
	CONSTRAINT "escalation_status_check" CHECK ("escalation"."status" in ('draft','proposed','accepted','declined','concluded')),
	CONSTRAINT "escalation_issued_check" CHECK (("escalation"."status" = 'draft') = ("escalation"."register_entry_id" is null))
);
--> statement-breakpoint
CREATE TABLE "inspection_conclusion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"issuing_agency_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"register_entry_id" uuid,
	"issued_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_conclusion_status_check" CHECK ("inspection_conclusion"."status" in ('draft','issued')),
	CONSTRAINT "inspection_conclusion_issued_check" CHECK (("inspection_conclusion"."status" = 'issued') = ("inspection_conclusion"."register_entry_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "corrective_action" ADD CONSTRAINT "corrective_action_conclusion_id_inspection_conclusion_id_fk" FOREIGN KEY ("conclusion_id") REFERENCES "public"."inspection_conclusion"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action" ADD CONSTRAINT "corrective_action_responsible_agency_id_agency_id_fk" FOREIGN KEY ("responsible_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action" ADD CONSTRAINT "corrective_action_reinspection_id_inspection_id_fk" FOREIGN KEY ("reinspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_reminder" ADD CONSTRAINT "corrective_action_reminder_action_id_corrective_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."corrective_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_update" ADD CONSTRAINT "corrective_action_update_action_id_corrective_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."corrective_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_update" ADD CONSTRAINT "corrective_action_update_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_issuing_agency_id_agency_id_fk" FOREIGN KEY ("issuing_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_register_entry_id_document_register_entry_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."document_register_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_conclusion" ADD CONSTRAINT "inspection_conclusion_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_conclusion" ADD CONSTRAINT "inspection_conclusion_issuing_agency_id_agency_id_fk" FOREIGN KEY ("issuing_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_conclusion" ADD CONSTRAINT "inspection_conclusion_register_entry_id_document_register_entry_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."document_register_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_conclusion" ADD CONSTRAINT "inspection_conclusion_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrective_action_conclusion_id_idx" ON "corrective_action" USING btree ("conclusion_id");--> statement-breakpoint
CREATE INDEX "corrective_action_responsible_agency_id_idx" ON "corrective_action" USING btree ("responsible_agency_id");--> statement-breakpoint
CREATE INDEX "corrective_action_status_due_on_idx" ON "corrective_action" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "corrective_action_reinspection_id_idx" ON "corrective_action" USING btree ("reinspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "corrective_action_reminder_key" ON "corrective_action_reminder" USING btree ("action_id","kind","day");--> statement-breakpoint
CREATE INDEX "corrective_action_update_action_id_idx" ON "corrective_action_update" USING btree ("action_id","created_at");--> statement-breakpoint
CREATE INDEX "escalation_inspection_id_idx" ON "escalation" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_conclusion_inspection_id_key" ON "inspection_conclusion" USING btree ("inspection_id");