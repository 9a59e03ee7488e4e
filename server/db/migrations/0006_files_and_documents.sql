CREATE TABLE "file_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_file" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"backend" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_file_sha256_check" CHECK ("stored_file"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "stored_file_size_check" CHECK ("stored_file"."size" >= 0),
	CONSTRAINT "stored_file_backend_check" CHECK ("stored_file"."backend" in ('database','directory'))
);
--> statement-breakpoint
CREATE TABLE "stored_file_chunk" (
	"sha256" text NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "stored_file_chunk_pkey" PRIMARY KEY("sha256","seq")
);
--> statement-breakpoint
CREATE TABLE "document_conversion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cache_key" text NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"source_sha256" text NOT NULL,
	"result_sha256" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"error_code" text,
	"job_id" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "document_conversion_status_check" CHECK ("document_conversion"."status" in ('queued','running','done','failed')),
	CONSTRAINT "document_conversion_result_check" CHECK (("document_conversion"."status" = 'done') = ("document_conversion"."result_sha256" is not null))
);
--> statement-breakpoint
CREATE TABLE "issued_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"register_entry_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"view_model" jsonb NOT NULL,
	"docx_sha256" text NOT NULL,
	"renderer_version" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "file_attachment" ADD CONSTRAINT "file_attachment_sha256_stored_file_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_attachment" ADD CONSTRAINT "file_attachment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file_chunk" ADD CONSTRAINT "stored_file_chunk_sha256_stored_file_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_conversion" ADD CONSTRAINT "document_conversion_source_sha256_stored_file_sha256_fk" FOREIGN KEY ("source_sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_conversion" ADD CONSTRAINT "document_conversion_result_sha256_stored_file_sha256_fk" FOREIGN KEY ("result_sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_conversion" ADD CONSTRAINT "document_conversion_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_register_entry_id_document_register_entry_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."document_register_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_docx_sha256_stored_file_sha256_fk" FOREIGN KEY ("docx_sha256") REFERENCES "public"."stored_file"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "file_attachment_owner_idx" ON "file_attachment" USING btree ("owner_type","owner_id","purpose");--> statement-breakpoint
CREATE INDEX "file_attachment_sha256_idx" ON "file_attachment" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "document_conversion_cache_key_idx" ON "document_conversion" USING btree ("cache_key","status");--> statement-breakpoint
CREATE INDEX "document_conversion_requested_by_idx" ON "document_conversion" USING btree ("requested_by","status");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_document_register_entry_key" ON "issued_document" USING btree ("register_entry_id");--> statement-breakpoint
CREATE INDEX "issued_document_subject_idx" ON "issued_document" USING btree ("kind","subject_id");