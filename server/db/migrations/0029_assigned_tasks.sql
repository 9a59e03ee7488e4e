CREATE TABLE "assigned_task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assigning_agency_id" uuid NOT NULL,
	"source_number" text NOT NULL,
	"source_date" date NOT NULL,
	"source_title" text,
	"content" text NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"deadline" date,
	"deadline_explanation" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"completed_on" date,
	"origin" text DEFAULT 'manual' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assigned_task_status_check" CHECK ("assigned_task"."status" in ('not_started','in_progress','completed','cancelled')),
	CONSTRAINT "assigned_task_completed_check" CHECK (("assigned_task"."status" = 'completed') = ("assigned_task"."completed_on" is not null)),
	CONSTRAINT "assigned_task_origin_check" CHECK ("assigned_task"."origin" in ('manual','import','demo'))
);
--> statement-breakpoint
CREATE TABLE "assigned_task_co_owner" (
	"task_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "assigned_task_co_owner_task_id_agency_id_pk" PRIMARY KEY("task_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "assigned_task_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assigning_agency_id" uuid NOT NULL,
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
	CONSTRAINT "assigned_task_import_status_check" CHECK ("assigned_task_import"."status" in ('queued','running','done','rejected','failed'))
);
--> statement-breakpoint
CREATE TABLE "assigned_task_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text,
	"move" text,
	"status_after" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assigned_task_reminder" (
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deadline" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assigned_task" ADD CONSTRAINT "assigned_task_assigning_agency_id_agency_id_fk" FOREIGN KEY ("assigning_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assigned_task" ADD CONSTRAINT "assigned_task_owner_agency_id_agency_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assigned_task" ADD CONSTRAINT "assigned_task_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assigned_task_co_owner" ADD CONSTRAINT "assigned_task_co_owner_task_id_assigned_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."assigned_task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assigned_task_co_owner" ADD CONSTRAINT "assigned_task_co_owner_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assigned_task_import" ADD CONSTRAINT "assigned_task_import_assigning_agency_id_agency_id_fk" FOREIGN KEY ("assigning_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assigned_task_import" ADD CONSTRAINT "assigned_task_import_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assigned_task_note" ADD CONSTRAINT "assigned_task_note_task_id_assigned_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."assigned_task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assigned_task_note" ADD CONSTRAINT "assigned_task_note_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assigned_task_reminder" ADD CONSTRAINT "assigned_task_reminder_task_id_assigned_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."assigned_task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assigned_task_assigning_agency_id_idx" ON "assigned_task" USING btree ("assigning_agency_id");--> statement-breakpoint
CREATE INDEX "assigned_task_owner_agency_id_idx" ON "assigned_task" USING btree ("owner_agency_id");--> statement-breakpoint
CREATE INDEX "assigned_task_deadline_idx" ON "assigned_task" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "assigned_task_search_idx" ON "assigned_task" USING gin (lower(f_unaccent("content" || ' ' || "source_number" || ' ' || coalesce("source_title", ''))) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assigned_task_co_owner_agency_id_idx" ON "assigned_task_co_owner" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "assigned_task_import_requested_by_idx" ON "assigned_task_import" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "assigned_task_note_task_id_idx" ON "assigned_task_note" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assigned_task_reminder_key" ON "assigned_task_reminder" USING btree ("task_id","kind","deadline");