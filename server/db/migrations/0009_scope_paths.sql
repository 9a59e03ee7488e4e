ALTER TABLE "agency" ADD COLUMN "path" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agency" ADD COLUMN "unit_path" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "unit" ADD COLUMN "path" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "agency_path_idx" ON "agency" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "agency_unit_path_idx" ON "agency" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "unit_path_idx" ON "unit" USING btree ("path" text_pattern_ops);