-- Materialised paths of the unit and agency trees (docs/decisions/registry-scope.md), kept right by
-- triggers whatever writes the rows: the use cases, the registry import, a bulk load with COPY or
-- multi-row inserts in any order, a move of a whole subtree. "In the subtree of X" is then the
-- indexed prefix test `path like X.path || '%'` (server/authz/scope.ts), joined into each query,
-- instead of a set of ids computed per request by the functions of 0003, which go.
--
-- A path is '/<root id>/…/<own id>/'. Never written by the application.

-- Recomputes the paths of the subtrees under the given records of a tree table (unit by
-- parent_id, agency by parent_agency_id) from their topmost members down, in one set-based pass.
-- Refuses a cycle (23514, <table>_tree_cycle_check) as the use cases do, so a bulk load cannot
-- make one either. Returns the ids of every record of the recomputed subtrees.
CREATE OR REPLACE FUNCTION tree_paths_refresh(p_table regclass, p_parent text, p_ids uuid[]) RETURNS uuid[]
  LANGUAGE plpgsql AS $fn$
DECLARE
  v_cycle uuid;
  v_tree uuid[];
BEGIN
  IF coalesce(cardinality(p_ids), 0) = 0 THEN
    RETURN '{}';
  END IF;
  EXECUTE format($q$
    WITH RECURSIVE up(start_id, id, depth) AS (
      SELECT t.id, t.%2$I, 1 FROM %1$s t WHERE t.id = ANY($1)
      UNION ALL
      SELECT up.start_id, t.%2$I, up.depth + 1 FROM up JOIN %1$s t ON t.id = up.id WHERE up.depth < 100
    )
    SELECT start_id FROM up WHERE id = start_id OR depth >= 100 LIMIT 1 $q$, p_table, p_parent)
    INTO v_cycle USING p_ids;
  IF v_cycle IS NOT NULL THEN
    RAISE EXCEPTION 'a record of % would be its own ancestor', p_table
      USING ERRCODE = 'check_violation', CONSTRAINT = p_table::text || '_tree_cycle_check';
  END IF;
  EXECUTE format($q$
    WITH RECURSIVE up(start_id, id) AS (
      SELECT t.id, t.%2$I FROM %1$s t WHERE t.id = ANY($1)
      UNION ALL
      SELECT up.start_id, t.%2$I FROM up JOIN %1$s t ON t.id = up.id
    ), top AS (
      SELECT t.id, coalesce(p.path, '/') || t.id::text || '/' AS path
        FROM %1$s t LEFT JOIN %1$s p ON p.id = t.%2$I
       WHERE t.id = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM up WHERE up.start_id = t.id AND up.id = ANY($1))
    ), tree(id, path) AS (
      SELECT id, path FROM top
      UNION ALL
      SELECT c.id, tree.path || c.id::text || '/' FROM %1$s c JOIN tree ON c.%2$I = tree.id
    ), changed AS (
      UPDATE %1$s t SET path = tree.path FROM tree WHERE t.id = tree.id AND t.path <> tree.path RETURNING t.id
    )
    SELECT array_agg(id) FROM tree $q$, p_table, p_parent)
    INTO v_tree USING p_ids;
  RETURN coalesce(v_tree, '{}');
END $fn$;
--> statement-breakpoint
-- Units: the path from the parent's, on the row (the common case needs no second write)…
CREATE OR REPLACE FUNCTION unit_path_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.path := coalesce((SELECT p.path FROM unit p WHERE p.id = NEW.parent_id), '/') || NEW.id::text || '/';
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER unit_path_before BEFORE INSERT OR UPDATE OF parent_id ON unit
  FOR EACH ROW EXECUTE FUNCTION unit_path_before();
--> statement-breakpoint
-- …then, per statement, the subtrees of moved units and of rows whose parent came later in the
-- same statement, and the copies in agency.unit_path.
CREATE OR REPLACE FUNCTION unit_paths_refresh(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_tree uuid[];
BEGIN
  IF coalesce(cardinality(p_ids), 0) = 0 THEN
    RETURN;
  END IF;
  v_tree := tree_paths_refresh('unit', 'parent_id', p_ids);
  UPDATE agency a SET unit_path = u.path FROM unit u
   WHERE u.id = ANY(v_tree) AND a.unit_id = u.id AND a.unit_path <> u.path;
END $$;
--> statement-breakpoint
-- The statement-level pass of both trees: the rows inserted whose path does not follow from their
-- parent's (the parent came later in the statement), or the rows whose parent changed.
-- TG_ARGV[0] names the parent column.
CREATE OR REPLACE FUNCTION tree_paths_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(n.id) FROM new_rows n LEFT JOIN %1$I p ON p.id = n.%2$I
                     WHERE n.path <> coalesce(p.path, ''/'') || n.id::text || ''/''', TG_TABLE_NAME, TG_ARGV[0]) INTO v_ids;
  ELSE
    EXECUTE format('SELECT array_agg(n.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
                     WHERE n.%1$I IS DISTINCT FROM o.%1$I', TG_ARGV[0]) INTO v_ids;
  END IF;
  IF TG_TABLE_NAME = 'unit' THEN
    PERFORM unit_paths_refresh(v_ids);
  ELSE
    PERFORM tree_paths_refresh(TG_TABLE_NAME::regclass, TG_ARGV[0], v_ids);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER unit_paths_after_insert AFTER INSERT ON unit
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tree_paths_after_write('parent_id');
--> statement-breakpoint
CREATE TRIGGER unit_paths_after_update AFTER UPDATE ON unit
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tree_paths_after_write('parent_id');
--> statement-breakpoint
-- Agencies: the same over parent_agency_id, and the unit's path copied on the row.
CREATE OR REPLACE FUNCTION agency_path_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.path := coalesce((SELECT p.path FROM agency p WHERE p.id = NEW.parent_agency_id), '/') || NEW.id::text || '/';
  NEW.unit_path := coalesce((SELECT u.path FROM unit u WHERE u.id = NEW.unit_id), '');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER agency_path_before BEFORE INSERT OR UPDATE OF parent_agency_id, unit_id ON agency
  FOR EACH ROW EXECUTE FUNCTION agency_path_before();
--> statement-breakpoint
CREATE TRIGGER agency_paths_after_insert AFTER INSERT ON agency
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tree_paths_after_write('parent_agency_id');
--> statement-breakpoint
CREATE TRIGGER agency_paths_after_update AFTER UPDATE ON agency
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tree_paths_after_write('parent_agency_id');
--> statement-breakpoint
-- The rows that exist already.
SELECT unit_paths_refresh(ARRAY(SELECT id FROM unit));
--> statement-breakpoint
UPDATE agency a SET unit_path = u.path FROM unit u WHERE u.id = a.unit_id AND a.unit_path <> u.path;
--> statement-breakpoint
SELECT tree_paths_refresh('agency', 'parent_agency_id', ARRAY(SELECT id FROM agency));
--> statement-breakpoint
DROP FUNCTION IF EXISTS actor_visible_units(uuid);
--> statement-breakpoint
DROP FUNCTION IF EXISTS actor_scope_agencies(uuid, text[]);
--> statement-breakpoint
DROP FUNCTION IF EXISTS actor_scope_units(uuid, text[]);
