CREATE TABLE "inspection_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"register_entry_id" uuid,
	"finalized_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_minutes_status_check" CHECK ("inspection_minutes"."status" in ('draft','final')),
	CONSTRAINT "inspection_minutes_final_check" CHECK (("inspection_minutes"."status" = 'final') = ("inspection_minutes"."register_entry_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "inspection_minutes" ADD CONSTRAINT "inspection_minutes_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_minutes" ADD CONSTRAINT "inspection_minutes_register_entry_id_document_register_entry_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."document_register_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_minutes" ADD CONSTRAINT "inspection_minutes_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_minutes_inspection_id_key" ON "inspection_minutes" USING btree ("inspection_id");