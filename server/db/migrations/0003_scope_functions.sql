-- Authorization scope in SQL, so every list query filters by the actor in the database
-- (conventions.md §6). A role is granted on an agency and everything under it:
--  * admin, leader, secretariat, inspector on an agency: the agency's territorial unit and every
--    unit below it, with all their agencies;
--  * unit_officer on a People's Committee: the same (the officer of a ward's committee works for
--    the ward); unit_officer on any other agency: that agency and its sub-agencies only.

-- Units in scope of the user's grants of the given roles.
CREATE OR REPLACE FUNCTION actor_scope_units(p_user uuid, p_roles text[]) RETURNS SETOF uuid
  LANGUAGE sql STABLE AS $$
  WITH RECURSIVE roots AS (
    SELECT a.unit_id FROM user_role r JOIN agency a ON a.id = r.agency_id
     WHERE r.user_id = p_user AND r.role = ANY (p_roles)
       AND (r.role <> 'unit_officer' OR a.kind = 'peoples_committee')
  ), tree(id) AS (
    SELECT unit_id FROM roots
    UNION
    SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id
  )
  SELECT id FROM tree
$$;
--> statement-breakpoint
-- Agencies in scope of the user's grants of the given roles.
CREATE OR REPLACE FUNCTION actor_scope_agencies(p_user uuid, p_roles text[]) RETURNS SETOF uuid
  LANGUAGE sql STABLE AS $$
  WITH RECURSIVE narrow(id) AS (
    SELECT a.id FROM user_role r JOIN agency a ON a.id = r.agency_id
     WHERE r.user_id = p_user AND r.role = ANY (p_roles)
       AND r.role = 'unit_officer' AND a.kind <> 'peoples_committee'
    UNION
    SELECT a.id FROM agency a JOIN narrow n ON a.parent_agency_id = n.id
  )
  SELECT id FROM narrow
  UNION
  SELECT a.id FROM agency a WHERE a.unit_id IN (SELECT actor_scope_units(p_user, p_roles))
$$;
--> statement-breakpoint
-- Units the user may see: the units in scope of any role, the units of the agencies in scope,
-- and their ancestors (so a ward's officer sees the ward inside its town and province).
CREATE OR REPLACE FUNCTION actor_visible_units(p_user uuid) RETURNS SETOF uuid
  LANGUAGE sql STABLE AS $$
  WITH RECURSIVE base(id) AS (
    SELECT actor_scope_units(p_user, ARRAY['admin','leader','secretariat','inspector','unit_officer'])
    UNION
    SELECT a.unit_id FROM agency a
     WHERE a.id IN (SELECT actor_scope_agencies(p_user, ARRAY['unit_officer']))
  ), up(id, parent_id) AS (
    SELECT u.id, u.parent_id FROM unit u WHERE u.id IN (SELECT id FROM base)
    UNION
    SELECT p.id, p.parent_id FROM unit p JOIN up c ON p.id = c.parent_id
  )
  SELECT id FROM up
$$;
