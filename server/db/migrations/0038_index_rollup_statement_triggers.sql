-- Custom SQL migration file, put your code below! --
-- The index roll-up (0034) kept per statement instead of per row: a bulk write of summaries
-- (refreshSheetSummaries writes 500 at a time; the scale seed 66,420) is added up the tree in one
-- grouped statement, instead of two upserts per row and ancestor, which made `npm run seed:scale`
-- many times slower. Same figures (index-rollup.test.ts). A moved unit stays per row (0034).

-- Adds (p_sign 1) or takes away (-1) these summaries at their units and every unit above, grouped.
CREATE OR REPLACE FUNCTION index_rollup_add(p_rows index_sheet_summary[], p_sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO index_rollup AS r (unit_id, framework_id, year, level, sheets, scored, pct_sum, unmet)
  SELECT a::uuid, s.framework_id, s.year, unit_level(u.kind), p_sign * count(*), p_sign * count(s.index_pct),
         p_sign * coalesce(sum(s.index_pct), 0), p_sign * coalesce(sum(s.unmet_count), 0)
    FROM unnest(p_rows) s JOIN unit u ON u.id = s.unit_id CROSS JOIN unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) a
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (unit_id, framework_id, year, level) DO UPDATE
    SET sheets = r.sheets + excluded.sheets, scored = r.scored + excluded.scored,
        pct_sum = r.pct_sum + excluded.pct_sum, unmet = r.unmet + excluded.unmet;
  INSERT INTO index_area_rollup AS r (unit_id, framework_id, year, level, criterion_id, n, pct_sum)
  SELECT a::uuid, s.framework_id, s.year, unit_level(u.kind), (x->>'criterionId')::uuid, p_sign * count(*), p_sign * sum((x->>'pct')::numeric)
    FROM unnest(p_rows) s JOIN unit u ON u.id = s.unit_id CROSS JOIN unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) a
         CROSS JOIN jsonb_array_elements(s.areas) x
   WHERE x->>'pct' IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (unit_id, framework_id, year, level, criterion_id) DO UPDATE
    SET n = r.n + excluded.n, pct_sum = r.pct_sum + excluded.pct_sum;
$$;
--> statement-breakpoint
-- One function for the three statement triggers; each branch names only the transition tables its
-- event has (PL/pgSQL plans a statement when it first runs it).
CREATE OR REPLACE FUNCTION index_sheet_summary_rollup_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM index_rollup_add(array(SELECT o::index_sheet_summary FROM old_rows o), -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM index_rollup_add(array(SELECT n::index_sheet_summary FROM new_rows n), 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS index_sheet_summary_rollup ON index_sheet_summary;
--> statement-breakpoint
DROP FUNCTION IF EXISTS index_sheet_summary_rollup();
--> statement-breakpoint
CREATE TRIGGER index_sheet_summary_rollup_insert AFTER INSERT ON index_sheet_summary
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_sheet_summary_rollup_statement();
--> statement-breakpoint
CREATE TRIGGER index_sheet_summary_rollup_update AFTER UPDATE ON index_sheet_summary
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_sheet_summary_rollup_statement();
--> statement-breakpoint
CREATE TRIGGER index_sheet_summary_rollup_delete AFTER DELETE ON index_sheet_summary
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_sheet_summary_rollup_statement();
