CREATE TABLE "standing_body" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "standing_body" ADD CONSTRAINT "standing_body_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_body" ADD CONSTRAINT "standing_body_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "standing_body_agency_id_idx" ON "standing_body" USING btree ("agency_id");--> statement-breakpoint
-- The one installation-wide setting becomes the standing body of its agency's unit.
INSERT INTO "standing_body" ("unit_id", "agency_id")
SELECT a."unit_id", a."id" FROM "setting" s JOIN "agency" a ON a."id"::text = s."value"->>'agencyId' WHERE s."key" = 'standing_body'
ON CONFLICT DO NOTHING;--> statement-breakpoint
DELETE FROM "setting" WHERE "key" = 'standing_body';
