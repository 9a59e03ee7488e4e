CREATE TABLE "document_counter" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"next_number" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_counter_pkey" PRIMARY KEY("agency_id","year"),
	CONSTRAINT "document_counter_next_number_check" CHECK ("document_counter"."next_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "document_register_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"type_code" text NOT NULL,
	"symbol" text NOT NULL,
	"summary" text NOT NULL,
	"issued_on" date NOT NULL,
	"signer_name" text NOT NULL,
	"signer_position" text NOT NULL,
	"subject_type" text,
	"subject_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_register_entry_number_check" CHECK ("document_register_entry"."number" >= 1),
	CONSTRAINT "document_register_entry_year_check" CHECK ("document_register_entry"."year" = extract(year from "document_register_entry"."issued_on")::int)
);
--> statement-breakpoint
CREATE TABLE "inspection_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"amends_plan_id" uuid,
	"issuing_agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"content" jsonb NOT NULL,
	"register_entry_id" uuid,
	"issued_on" date,
	"issued_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_plan_status_check" CHECK ("inspection_plan"."status" in ('draft','submitted','issued','in_progress','closed','superseded')),
	CONSTRAINT "inspection_plan_period_check" CHECK ("inspection_plan"."period_from" ~ '^\d{4}-(0[1-9]|1[0-2])$' and "inspection_plan"."period_to" ~ '^\d{4}-(0[1-9]|1[0-2])$' and "inspection_plan"."period_to" >= "inspection_plan"."period_from"),
	CONSTRAINT "inspection_plan_issued_check" CHECK (("inspection_plan"."status" in ('draft','submitted')) = ("inspection_plan"."register_entry_id" is null))
);
--> statement-breakpoint
CREATE TABLE "inspection_plan_target" (
	"plan_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inspection_plan_target_pkey" PRIMARY KEY("plan_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_team" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"decision" jsonb NOT NULL,
	"register_entry_id" uuid,
	"issued_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_team_status_check" CHECK ("inspection_team"."status" in ('draft','founded')),
	CONSTRAINT "inspection_team_founded_check" CHECK (("inspection_team"."status" = 'founded') = ("inspection_team"."register_entry_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "inspection_team_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"honorific" text,
	"full_name" text NOT NULL,
	"title" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid,
	CONSTRAINT "inspection_team_member_role_check" CHECK ("inspection_team_member"."role" in ('truong_doan','pho_truong_doan','thanh_vien','thu_ky'))
);
--> statement-breakpoint
ALTER TABLE "document_counter" ADD CONSTRAINT "document_counter_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_register_entry" ADD CONSTRAINT "document_register_entry_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_register_entry" ADD CONSTRAINT "document_register_entry_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_amends_plan_id_inspection_plan_id_fk" FOREIGN KEY ("amends_plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_issuing_agency_id_agency_id_fk" FOREIGN KEY ("issuing_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_register_entry_id_document_register_entry_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."document_register_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_issued_by_app_user_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan_target" ADD CONSTRAINT "inspection_plan_target_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan_target" ADD CONSTRAINT "inspection_plan_target_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_register_entry_id_document_register_entry_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."document_register_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team_member" ADD CONSTRAINT "inspection_team_member_team_id_inspection_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."inspection_team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team_member" ADD CONSTRAINT "inspection_team_member_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team_member" ADD CONSTRAINT "inspection_team_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_register_entry_agency_year_number_key" ON "document_register_entry" USING btree ("agency_id","year","number");--> statement-breakpoint
CREATE INDEX "document_register_entry_subject_idx" ON "document_register_entry" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "inspection_plan_issuing_agency_year_idx" ON "inspection_plan" USING btree ("issuing_agency_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plan_series_revision_key" ON "inspection_plan" USING btree ("series_id","revision");--> statement-breakpoint
CREATE INDEX "inspection_plan_amends_plan_id_idx" ON "inspection_plan" USING btree ("amends_plan_id");--> statement-breakpoint
CREATE INDEX "inspection_plan_target_agency_id_idx" ON "inspection_plan_target" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "inspection_team_plan_id_idx" ON "inspection_team" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_team_member_team_id_idx" ON "inspection_team_member" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_team_member_one_head_key" ON "inspection_team_member" USING btree ("team_id") WHERE "inspection_team_member"."role" = 'truong_doan';