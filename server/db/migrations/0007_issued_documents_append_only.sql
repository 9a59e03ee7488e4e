-- An issued document is a legal record: once frozen, its view model and bytes never change and
-- are never removed (docs/decisions/frozen-issued-documents.md).
CREATE OR REPLACE FUNCTION issued_document_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'issued_document is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER issued_document_no_update_delete BEFORE UPDATE OR DELETE ON issued_document
  FOR EACH ROW EXECUTE FUNCTION issued_document_append_only();
