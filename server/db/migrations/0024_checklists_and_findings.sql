CREATE TABLE "checklist_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"attachment_id" uuid,
	"captured_at" timestamp with time zone,
	"document_title" text,
	"document_number" text,
	"document_date" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_evidence_kind_check" CHECK ("checklist_evidence"."kind" in ('photo','file','document')),
	CONSTRAINT "checklist_evidence_shape_check" CHECK (("checklist_evidence"."kind" = 'document') = ("checklist_evidence"."attachment_id" is null) and ("checklist_evidence"."kind" <> 'document' or "checklist_evidence"."document_title" is not null))
);
--> statement-breakpoint
CREATE TABLE "checklist_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"groups" jsonb NOT NULL,
	"source" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_template_kind_check" CHECK ("checklist_template"."kind" in ('content','one_stop')),
	CONSTRAINT "checklist_template_status_check" CHECK ("checklist_template"."status" in ('draft','published'))
);
--> statement-breakpoint
CREATE TABLE "checklist_template_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"group_code" text NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"guidance" text,
	"answer_type" text NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "checklist_template_item_answer_type_check" CHECK ("checklist_template_item"."answer_type" in ('rating','number','text'))
);
--> statement-breakpoint
CREATE TABLE "finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"checklist_item_id" uuid,
	"kind" text NOT NULL,
	"content_group" text NOT NULL,
	"severity" text,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"recommendation" text,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_kind_check" CHECK ("finding"."kind" in ('good_practice','shortcoming','violation')),
	CONSTRAINT "finding_severity_check" CHECK (("finding"."kind" = 'good_practice' and "finding"."severity" is null) or ("finding"."kind" <> 'good_practice' and "finding"."severity" in ('minor','moderate','serious')))
);
--> statement-breakpoint
CREATE TABLE "finding_evidence" (
	"finding_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "finding_evidence_pkey" PRIMARY KEY("finding_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_checklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_checklist_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checklist_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"group_code" text NOT NULL,
	"group_title" text NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"guidance" text,
	"answer_type" text NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"assigned_task_id" uuid,
	"rating" text,
	"number_value" numeric(14, 2),
	"text_value" text,
	"note" text,
	"edited_at" timestamp with time zone,
	"edited_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_checklist_item_answer_type_check" CHECK ("inspection_checklist_item"."answer_type" in ('rating','number','text')),
	CONSTRAINT "inspection_checklist_item_rating_check" CHECK ("inspection_checklist_item"."rating" is null or "inspection_checklist_item"."rating" in ('met','partly_met','not_met','not_applicable'))
);
--> statement-breakpoint
CREATE TABLE "inspection_checklist_item_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"client_revision_id" uuid NOT NULL,
	"item_version" integer,
	"base_version" integer NOT NULL,
	"conflict_with_version" integer,
	"rating" text,
	"number_value" numeric(14, 2),
	"text_value" text,
	"note" text,
	"edited_at" timestamp with time zone NOT NULL,
	"edited_by" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checklist_evidence" ADD CONSTRAINT "checklist_evidence_item_id_inspection_checklist_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_checklist_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_evidence" ADD CONSTRAINT "checklist_evidence_attachment_id_file_attachment_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."file_attachment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_evidence" ADD CONSTRAINT "checklist_evidence_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_template" ADD CONSTRAINT "checklist_template_owner_agency_id_agency_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_template" ADD CONSTRAINT "checklist_template_previous_id_checklist_template_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."checklist_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_template" ADD CONSTRAINT "checklist_template_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_template_item" ADD CONSTRAINT "checklist_template_item_template_id_checklist_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."checklist_template"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_checklist_item_id_inspection_checklist_item_id_fk" FOREIGN KEY ("checklist_item_id") REFERENCES "public"."inspection_checklist_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_finding_id_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."finding"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_evidence_id_checklist_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."checklist_evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist" ADD CONSTRAINT "inspection_checklist_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist" ADD CONSTRAINT "inspection_checklist_template_id_checklist_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."checklist_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist" ADD CONSTRAINT "inspection_checklist_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist_item" ADD CONSTRAINT "inspection_checklist_item_checklist_id_inspection_checklist_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."inspection_checklist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist_item" ADD CONSTRAINT "inspection_checklist_item_edited_by_app_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist_item_revision" ADD CONSTRAINT "inspection_checklist_item_revision_item_id_inspection_checklist_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_checklist_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist_item_revision" ADD CONSTRAINT "inspection_checklist_item_revision_edited_by_app_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_evidence_client_id_key" ON "checklist_evidence" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "checklist_evidence_item_id_idx" ON "checklist_evidence" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_template_owner_code_revision_key" ON "checklist_template" USING btree ("owner_agency_id","code","revision");--> statement-breakpoint
CREATE INDEX "checklist_template_item_template_id_idx" ON "checklist_template_item" USING btree ("template_id","position");--> statement-breakpoint
CREATE INDEX "finding_inspection_id_idx" ON "finding" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "finding_checklist_item_id_idx" ON "finding" USING btree ("checklist_item_id");--> statement-breakpoint
CREATE INDEX "finding_kind_idx" ON "finding" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "finding_evidence_evidence_id_idx" ON "finding_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_checklist_inspection_template_key" ON "inspection_checklist" USING btree ("inspection_id","template_id");--> statement-breakpoint
CREATE INDEX "inspection_checklist_item_checklist_id_idx" ON "inspection_checklist_item" USING btree ("checklist_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_checklist_item_revision_client_key" ON "inspection_checklist_item_revision" USING btree ("client_revision_id");--> statement-breakpoint
CREATE INDEX "inspection_checklist_item_revision_item_id_idx" ON "inspection_checklist_item_revision" USING btree ("item_id");