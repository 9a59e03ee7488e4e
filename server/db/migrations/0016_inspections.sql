CREATE TABLE "inspection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"start_time" text,
	"report_due_on" date,
	"report_due_explanation" text,
	"reinspection_of_id" uuid,
	"note" text,
	"started_at" timestamp with time zone,
	"started_by" uuid,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_kind_check" CHECK ("inspection"."kind" in ('report','announced','unannounced','reinspection')),
	CONSTRAINT "inspection_status_check" CHECK ("inspection"."status" in ('planned','notified','under_way','closed','cancelled')),
	CONSTRAINT "inspection_dates_check" CHECK ("inspection"."ends_on" >= "inspection"."starts_on"),
	CONSTRAINT "inspection_start_time_check" CHECK ("inspection"."start_time" is null or "inspection"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "inspection_reinspection_check" CHECK (("inspection"."kind" = 'reinspection') = ("inspection"."reinspection_of_id" is not null)),
	CONSTRAINT "inspection_started_check" CHECK (("inspection"."status" in ('under_way','closed')) <= ("inspection"."started_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "inspection_place" (
	"inspection_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inspection_place_pkey" PRIMARY KEY("inspection_id","agency_id")
);
--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_team_id_inspection_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."inspection_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_reinspection_of_id_inspection_id_fk" FOREIGN KEY ("reinspection_of_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_started_by_app_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_place" ADD CONSTRAINT "inspection_place_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_place" ADD CONSTRAINT "inspection_place_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_plan_id_idx" ON "inspection" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_agency_id_starts_on_idx" ON "inspection" USING btree ("agency_id","starts_on");--> statement-breakpoint
CREATE INDEX "inspection_team_id_starts_on_idx" ON "inspection" USING btree ("team_id","starts_on");--> statement-breakpoint
CREATE INDEX "inspection_starts_on_idx" ON "inspection" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "inspection_reinspection_of_id_idx" ON "inspection" USING btree ("reinspection_of_id");--> statement-breakpoint
CREATE INDEX "inspection_place_agency_id_idx" ON "inspection_place" USING btree ("agency_id");