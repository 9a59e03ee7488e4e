CREATE TABLE "citizen_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"agency_id" uuid,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"resolved_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_feedback_channel_check" CHECK ("citizen_feedback"."channel" in ('hotline','portal','mailbox','letter','in_person','press','other')),
	CONSTRAINT "citizen_feedback_status_check" CHECK ("citizen_feedback"."status" in ('received','processing','resolved','dismissed'))
);
--> statement-breakpoint
CREATE TABLE "index_criterion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"max_points" numeric(7, 2) NOT NULL,
	"scoring_method" text DEFAULT 'appraised' NOT NULL,
	"expected_evidence" text,
	"unmet_below" numeric(7, 2),
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "index_criterion_level_check" CHECK ("index_criterion"."level" in ('area','criterion','sub_criterion')),
	CONSTRAINT "index_criterion_method_check" CHECK ("index_criterion"."scoring_method" in ('self_assessed','appraised','survey')),
	CONSTRAINT "index_criterion_max_check" CHECK ("index_criterion"."max_points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "index_framework" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"unit_kinds" text[] NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"from_year" integer NOT NULL,
	"to_year" integer,
	"aggregation" text DEFAULT 'sum' NOT NULL,
	"unmet_threshold_pct" numeric(7, 2) DEFAULT 100 NOT NULL,
	"source" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "index_framework_kind_check" CHECK ("index_framework"."kind" in ('par','sipas')),
	CONSTRAINT "index_framework_status_check" CHECK ("index_framework"."status" in ('draft','published')),
	CONSTRAINT "index_framework_aggregation_check" CHECK ("index_framework"."aggregation" in ('sum','average')),
	CONSTRAINT "index_framework_years_check" CHECK ("index_framework"."to_year" is null or "index_framework"."to_year" >= "index_framework"."from_year"),
	CONSTRAINT "index_framework_threshold_check" CHECK ("index_framework"."unmet_threshold_pct" > 0 and "index_framework"."unmet_threshold_pct" <= 100)
);
--> statement-breakpoint
CREATE TABLE "index_score" (
	"sheet_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"self_points" numeric(7, 2),
	"appraised_points" numeric(7, 2),
	"final_points" numeric(7, 2),
	"not_applicable" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "index_score_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"points_kind" text NOT NULL,
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
	CONSTRAINT "index_score_import_status_check" CHECK ("index_score_import"."status" in ('queued','running','done','rejected','failed')),
	CONSTRAINT "index_score_import_points_kind_check" CHECK ("index_score_import"."points_kind" in ('self','appraised','final'))
);
--> statement-breakpoint
CREATE TABLE "index_score_sheet" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"origin" text DEFAULT 'manual' NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "index_score_sheet_origin_check" CHECK ("index_score_sheet"."origin" in ('manual','import','demo'))
);
--> statement-breakpoint
CREATE TABLE "risk_weights" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizen_feedback" ADD CONSTRAINT "citizen_feedback_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_feedback" ADD CONSTRAINT "citizen_feedback_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_feedback" ADD CONSTRAINT "citizen_feedback_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_criterion" ADD CONSTRAINT "index_criterion_framework_id_index_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_framework"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_criterion" ADD CONSTRAINT "index_criterion_parent_id_index_criterion_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."index_criterion"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_framework" ADD CONSTRAINT "index_framework_owner_agency_id_agency_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_framework" ADD CONSTRAINT "index_framework_previous_id_index_framework_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."index_framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_framework" ADD CONSTRAINT "index_framework_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_score" ADD CONSTRAINT "index_score_sheet_id_index_score_sheet_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."index_score_sheet"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_score" ADD CONSTRAINT "index_score_criterion_id_index_criterion_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."index_criterion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_score_import" ADD CONSTRAINT "index_score_import_framework_id_index_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_score_import" ADD CONSTRAINT "index_score_import_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_score_sheet" ADD CONSTRAINT "index_score_sheet_framework_id_index_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_score_sheet" ADD CONSTRAINT "index_score_sheet_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_score_sheet" ADD CONSTRAINT "index_score_sheet_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_weights" ADD CONSTRAINT "risk_weights_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_weights" ADD CONSTRAINT "risk_weights_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_feedback_unit_id_idx" ON "citizen_feedback" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "index_criterion_framework_code_key" ON "index_criterion" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "index_criterion_parent_id_idx" ON "index_criterion" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "index_framework_owner_code_revision_key" ON "index_framework" USING btree ("owner_agency_id","code","revision");--> statement-breakpoint
CREATE INDEX "index_framework_owner_agency_id_idx" ON "index_framework" USING btree ("owner_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "index_score_sheet_criterion_key" ON "index_score" USING btree ("sheet_id","criterion_id");--> statement-breakpoint
CREATE INDEX "index_score_criterion_id_idx" ON "index_score" USING btree ("criterion_id");--> statement-breakpoint
CREATE INDEX "index_score_import_framework_id_idx" ON "index_score_import" USING btree ("framework_id");--> statement-breakpoint
CREATE UNIQUE INDEX "index_score_sheet_framework_unit_year_key" ON "index_score_sheet" USING btree ("framework_id","unit_id","year");--> statement-breakpoint
CREATE INDEX "index_score_sheet_unit_id_idx" ON "index_score_sheet" USING btree ("unit_id","year");