-- Extensions and helpers the schema needs; runs before the generated schema migration.
-- PGlite ships pg_trgm and unaccent as contrib (loaded by the client), Debian PostgreSQL in postgresql-contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is STABLE and cannot be indexed; this IMMUTABLE wrapper can (stack.md gotcha 5).
-- It maps đ → d, so "hoai thanh tay" finds "Hoài Thanh Tây" and "dong" finds "Đông".
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
