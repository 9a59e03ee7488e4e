-- Conversions of the same content asked for at the same moment may have been recorded twice
-- before this index: keep the best one (done first, then the oldest), retire the others.
UPDATE "document_conversion" SET "status" = 'failed', "error_code" = 'DUPLICATE', "result_sha256" = NULL, "finished_at" = coalesce("finished_at", now())
WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id", row_number() OVER (PARTITION BY "cache_key" ORDER BY ("status" = 'done') DESC, "created_at", "id") AS n
    FROM "document_conversion" WHERE "status" <> 'failed'
  ) ranked WHERE n > 1
);
--> statement-breakpoint
CREATE UNIQUE INDEX "document_conversion_live_key" ON "document_conversion" USING btree ("cache_key") WHERE "document_conversion"."status" <> 'failed';
