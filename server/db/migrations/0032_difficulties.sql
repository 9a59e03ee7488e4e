CREATE TABLE "difficulty" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"reform_area_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"raised_on" date NOT NULL,
	"raised_by" uuid,
	"raised_by_name" text NOT NULL,
	"status" text DEFAULT 'raised' NOT NULL,
	"forwarded_to" uuid,
	"forwarded_to_name" text,
	"forward_note" text,
	"forwarded_on" date,
	"answer" text,
	"answered_by" uuid,
	"answered_by_name" text,
	"answered_on" date,
	"response_working_days" integer,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "difficulty_status_check" CHECK ("difficulty"."status" in ('raised','forwarded','answered','closed')),
	CONSTRAINT "difficulty_answer_check" CHECK (("difficulty"."status" in ('answered','closed')) = ("difficulty"."answer" is not null and "difficulty"."answered_on" is not null)),
	CONSTRAINT "difficulty_forward_check" CHECK ("difficulty"."status" <> 'forwarded' or "difficulty"."forwarded_to" is not null)
);
--> statement-breakpoint
CREATE TABLE "reform_area" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "reform_area_code_key" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "difficulty" ADD CONSTRAINT "difficulty_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "difficulty" ADD CONSTRAINT "difficulty_reform_area_id_reform_area_id_fk" FOREIGN KEY ("reform_area_id") REFERENCES "public"."reform_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "difficulty" ADD CONSTRAINT "difficulty_raised_by_app_user_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "difficulty" ADD CONSTRAINT "difficulty_forwarded_to_app_user_id_fk" FOREIGN KEY ("forwarded_to") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "difficulty" ADD CONSTRAINT "difficulty_answered_by_app_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "difficulty_agency_id_idx" ON "difficulty" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "difficulty_raised_on_idx" ON "difficulty" USING btree ("raised_on");--> statement-breakpoint
CREATE INDEX "difficulty_search_idx" ON "difficulty" USING gin (lower(f_unaccent("title" || ' ' || "body")) gin_trgm_ops);--> statement-breakpoint
-- The areas of administrative reform under the 2021–2030 programme (Nghị quyết 76/NQ-CP; reference.md §2), as provinces and towns use them.
INSERT INTO "reform_area" ("code", "name", "name_en", "position") VALUES
  ('chi_dao_dieu_hanh', 'Công tác chỉ đạo, điều hành CCHC', 'Direction and steering of PAR', 1),
  ('the_che', 'Cải cách thể chế', 'Institutional reform', 2),
  ('thu_tuc_hanh_chinh', 'Cải cách thủ tục hành chính', 'Administrative procedure reform', 3),
  ('to_chuc_bo_may', 'Cải cách tổ chức bộ máy hành chính nhà nước', 'Reform of the administrative apparatus', 4),
  ('che_do_cong_vu', 'Cải cách chế độ công vụ', 'Civil service reform', 5),
  ('tai_chinh_cong', 'Cải cách tài chính công', 'Public finance reform', 6),
  ('chinh_quyen_so', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', 'E-government and digital government', 7);
