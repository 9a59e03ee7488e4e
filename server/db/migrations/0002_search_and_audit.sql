-- Diacritic- and case-insensitive search over names (trigram indexes on the unaccented, lower-cased text).
CREATE INDEX IF NOT EXISTS unit_name_search_idx ON unit USING gin (lower(f_unaccent(name)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS agency_name_search_idx ON agency USING gin (lower(f_unaccent(name || ' ' || coalesce(short_name, '') || ' ' || coalesce(code, ''))) gin_trgm_ops);
--> statement-breakpoint
-- The audit trail is append-only: history that can be rewritten proves nothing.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
