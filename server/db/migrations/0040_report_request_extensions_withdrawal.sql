ALTER TABLE "report_request" DROP CONSTRAINT "report_request_status_check";--> statement-breakpoint
ALTER TABLE "report_request" ADD COLUMN "due_extensions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "report_request" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_request" ADD COLUMN "withdraw_reason" text;--> statement-breakpoint
ALTER TABLE "report_request" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "report_request" ADD CONSTRAINT "report_request_withdrawn_by_app_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_request" ADD CONSTRAINT "report_request_withdrawn_check" CHECK (("report_request"."status" = 'withdrawn') = ("report_request"."withdrawn_at" is not null));--> statement-breakpoint
ALTER TABLE "report_request" ADD CONSTRAINT "report_request_status_check" CHECK ("report_request"."status" in ('draft','open','closed','withdrawn'));