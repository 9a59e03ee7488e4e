CREATE TABLE "inspection_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"issuing_agency_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"register_entry_id" uuid,
	"issued_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_notice_status_check" CHECK ("inspection_notice"."status" in ('draft','issued')),
	CONSTRAINT "inspection_notice_issued_check" CHECK (("inspection_notice"."status" = 'issued') = ("inspection_notice"."register_entry_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "inspection_notice_item" (
	"notice_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"attendees" text NOT NULL,
	CONSTRAINT "inspection_notice_item_pkey" PRIMARY KEY("notice_id","inspection_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_reminder" (
	"inspection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_notice" ADD CONSTRAINT "inspection_notice_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_notice" ADD CONSTRAINT "inspection_notice_issuing_agency_id_agency_id_fk" FOREIGN KEY ("issuing_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_notice" ADD CONSTRAINT "inspection_notice_register_entry_id_document_register_entry_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."document_register_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_notice" ADD CONSTRAINT "inspection_notice_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_notice_item" ADD CONSTRAINT "inspection_notice_item_notice_id_inspection_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."inspection_notice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_notice_item" ADD CONSTRAINT "inspection_notice_item_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_reminder" ADD CONSTRAINT "inspection_reminder_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_notice_plan_id_idx" ON "inspection_notice" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_notice_item_inspection_id_idx" ON "inspection_notice_item" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_reminder_key" ON "inspection_reminder" USING btree ("inspection_id","kind","day");