-- Units are searched by name and code as one text (registry.repository.ts listUnits), so one
-- trigram index serves the search; an OR of two columns, one of them unindexed, scanned the table.
DROP INDEX IF EXISTS unit_name_search_idx;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS unit_search_idx ON unit USING gin (lower(f_unaccent(name || ' ' || coalesce(code, ''))) gin_trgm_ops);
