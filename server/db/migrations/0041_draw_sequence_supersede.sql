ALTER TABLE "unannounced_draw" ADD COLUMN "sequence" integer;--> statement-breakpoint
UPDATE "unannounced_draw" d SET "sequence" = n.seq FROM (SELECT id, row_number() OVER (PARTITION BY plan_id ORDER BY created_at, id) AS seq FROM "unannounced_draw") n WHERE n.id = d.id;--> statement-breakpoint
ALTER TABLE "unannounced_draw" ALTER COLUMN "sequence" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "unannounced_draw" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "unannounced_draw" ADD COLUMN "supersede_reason" text;--> statement-breakpoint
ALTER TABLE "unannounced_draw" ADD COLUMN "superseded_by" uuid;--> statement-breakpoint
ALTER TABLE "unannounced_draw" ADD CONSTRAINT "unannounced_draw_superseded_by_app_user_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unannounced_draw" ADD CONSTRAINT "unannounced_draw_plan_sequence_key" UNIQUE("plan_id","sequence");--> statement-breakpoint
ALTER TABLE "unannounced_draw" ADD CONSTRAINT "unannounced_draw_superseded_check" CHECK (("unannounced_draw"."superseded_at" is null) = ("unannounced_draw"."supersede_reason" is null));--> statement-breakpoint
CREATE OR REPLACE FUNCTION unannounced_draw_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a draw of unannounced targets is a permanent record and is never deleted';
END;
$$;--> statement-breakpoint
CREATE TRIGGER unannounced_draw_no_delete BEFORE DELETE ON "unannounced_draw" FOR EACH ROW EXECUTE FUNCTION unannounced_draw_no_delete();
