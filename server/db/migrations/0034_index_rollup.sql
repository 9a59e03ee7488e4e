CREATE TABLE "index_area_rollup" (
	"unit_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"criterion_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"pct_sum" numeric NOT NULL,
	CONSTRAINT "index_area_rollup_pkey" PRIMARY KEY("unit_id","framework_id","year","level","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "index_rollup" (
	"unit_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"sheets" integer NOT NULL,
	"scored" integer NOT NULL,
	"pct_sum" numeric NOT NULL,
	"unmet" integer NOT NULL,
	CONSTRAINT "index_rollup_pkey" PRIMARY KEY("unit_id","framework_id","year","level")
);
--> statement-breakpoint
ALTER TABLE "index_area_rollup" ADD CONSTRAINT "index_area_rollup_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_area_rollup" ADD CONSTRAINT "index_area_rollup_framework_id_index_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_framework"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_rollup" ADD CONSTRAINT "index_rollup_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_rollup" ADD CONSTRAINT "index_rollup_framework_id_index_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."index_framework"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The index roll-up (docs/decisions/dashboard-figures.md): each sheet summary counted at its unit
-- and at every unit above it, kept by triggers in the transaction that writes the summary (the
-- score sheet's save, an .xlsx import, a bulk load) or moves a unit (path or kind), so the
-- dashboard and the results report read a subtree's index figures from a handful of rows and
-- are never behind the scores.

-- The level of a unit kind, as shared/api/dashboard.schemas.ts `unitKindsOfLevel` says (a test
-- holds the two together): the levels whose units are compared on the dashboard.
CREATE OR REPLACE FUNCTION unit_level(p_kind text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_kind IN ('province', 'city') THEN 'province'
    WHEN p_kind IN ('district', 'town', 'provincial_city') THEN 'district'
    WHEN p_kind IN ('ward', 'commune', 'township', 'special_zone') THEN 'commune'
    ELSE 'other' END
$$;
--> statement-breakpoint
-- Adds (p_sign 1) or takes away (-1) one summary at the unit of path p_path and every unit above.
CREATE OR REPLACE FUNCTION index_rollup_apply(p_path text, p_kind text, s index_sheet_summary, p_sign integer) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_path IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO index_rollup AS r (unit_id, framework_id, year, level, sheets, scored, pct_sum, unmet)
  SELECT a::uuid, s.framework_id, s.year, unit_level(p_kind), p_sign, p_sign * (s.index_pct IS NOT NULL)::int,
         p_sign * coalesce(s.index_pct, 0), p_sign * s.unmet_count
    FROM unnest(string_to_array(trim(BOTH '/' FROM p_path), '/')) a
  ON CONFLICT (unit_id, framework_id, year, level) DO UPDATE
    SET sheets = r.sheets + excluded.sheets, scored = r.scored + excluded.scored,
        pct_sum = r.pct_sum + excluded.pct_sum, unmet = r.unmet + excluded.unmet;
  INSERT INTO index_area_rollup AS r (unit_id, framework_id, year, level, criterion_id, n, pct_sum)
  SELECT a::uuid, s.framework_id, s.year, unit_level(p_kind), (x->>'criterionId')::uuid, p_sign, p_sign * (x->>'pct')::numeric
    FROM unnest(string_to_array(trim(BOTH '/' FROM p_path), '/')) a CROSS JOIN jsonb_array_elements(s.areas) x
   WHERE x->>'pct' IS NOT NULL
  ON CONFLICT (unit_id, framework_id, year, level, criterion_id) DO UPDATE
    SET n = r.n + excluded.n, pct_sum = r.pct_sum + excluded.pct_sum;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION index_sheet_summary_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  u record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT path, kind INTO u FROM unit WHERE id = OLD.unit_id;
    PERFORM index_rollup_apply(u.path, u.kind, OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT path, kind INTO u FROM unit WHERE id = NEW.unit_id;
    PERFORM index_rollup_apply(u.path, u.kind, NEW, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER index_sheet_summary_rollup AFTER INSERT OR UPDATE OR DELETE ON index_sheet_summary
  FOR EACH ROW EXECUTE FUNCTION index_sheet_summary_rollup();
--> statement-breakpoint
-- A unit moved (its path changes, as do those of its whole subtree, each row firing) or of
-- another kind: its summaries leave the old ancestors and level and join the new.
CREATE OR REPLACE FUNCTION unit_index_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s index_sheet_summary;
BEGIN
  IF OLD.path IS DISTINCT FROM NEW.path OR OLD.kind IS DISTINCT FROM NEW.kind THEN
    FOR s IN SELECT * FROM index_sheet_summary WHERE unit_id = NEW.id LOOP
      PERFORM index_rollup_apply(OLD.path, OLD.kind, s, -1);
      PERFORM index_rollup_apply(NEW.path, NEW.kind, s, 1);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Not "UPDATE OF path": the path is set by unit_path_before when the parent changes, and a column
-- trigger fires only for the columns an UPDATE names.
CREATE TRIGGER unit_index_rollup AFTER UPDATE ON unit FOR EACH ROW EXECUTE FUNCTION unit_index_rollup();
--> statement-breakpoint
-- The summaries already written.
INSERT INTO index_rollup (unit_id, framework_id, year, level, sheets, scored, pct_sum, unmet)
SELECT a::uuid, s.framework_id, s.year, unit_level(u.kind), count(*), count(s.index_pct), coalesce(sum(s.index_pct), 0), sum(s.unmet_count)
  FROM index_sheet_summary s JOIN unit u ON u.id = s.unit_id CROSS JOIN unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) a
 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO index_area_rollup (unit_id, framework_id, year, level, criterion_id, n, pct_sum)
SELECT a::uuid, s.framework_id, s.year, unit_level(u.kind), (x->>'criterionId')::uuid, count(*), sum((x->>'pct')::numeric)
  FROM index_sheet_summary s JOIN unit u ON u.id = s.unit_id CROSS JOIN unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) a
       CROSS JOIN jsonb_array_elements(s.areas) x
 WHERE x->>'pct' IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5;
