-- Data migration: the scope of the audit events written before audit_event.scope existed (0014).
-- From now on recordAudit stores each event's scope as it writes it (docs/decisions/audit-scope.md);
-- the events already there get the scope their record has today, by the same rules the audit
-- browser applied per record type until now. Keys: server/authz/scope-keys.ts.
-- The trail is append-only by trigger; this one rewrite of it is the exception, so the trigger is
-- set aside for the statement and put back.

-- The keys of one place, exactly as scopeKeysOf computes them in server/authz/scope-keys.ts (a
-- test holds the two together); the scale seed uses it too.
CREATE OR REPLACE FUNCTION scope_keys(unit_path text, agency_path text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}') FROM (
    SELECT 'under-unit:' || x AS k FROM unnest(string_to_array(trim(both '/' from unit_path), '/')) x
    UNION ALL SELECT 'unit:' || substring(unit_path from '([^/]+)/$')
    UNION ALL SELECT 'under-agency:' || x FROM unnest(string_to_array(trim(both '/' from agency_path), '/')) x
    UNION ALL SELECT 'agency:' || substring(agency_path from '([^/]+)/$')
  ) s WHERE k IS NOT NULL AND k NOT IN ('under-unit:', 'under-agency:')
$$;
--> statement-breakpoint
CREATE TEMPORARY TABLE audit_scope_place (event_id bigint NOT NULL, unit_path text NOT NULL, agency_path text);
--> statement-breakpoint
INSERT INTO audit_scope_place
  SELECT e.id, u.path, NULL FROM audit_event e JOIN unit u ON u.id::text = e.entity_id WHERE e.entity_type = 'unit'
  UNION ALL
  SELECT e.id, a.unit_path, a.path FROM audit_event e JOIN agency a ON a.id::text = e.entity_id WHERE e.entity_type = 'agency'
  UNION ALL
  SELECT e.id, a.unit_path, a.path FROM audit_event e JOIN user_role r ON r.user_id::text = e.entity_id JOIN agency a ON a.id = r.agency_id
   WHERE e.entity_type = 'user'
  UNION ALL
  SELECT e.id, a.unit_path, a.path FROM audit_event e JOIN user_role r ON r.user_id = e.actor_id JOIN agency a ON a.id = r.agency_id
   WHERE e.entity_type IN ('registry', 'setting')
  UNION ALL
  SELECT e.id, a.unit_path, a.path FROM audit_event e JOIN inspection_plan p ON p.id::text = e.entity_id JOIN agency a ON a.id = p.issuing_agency_id
   WHERE e.entity_type = 'inspection_plan'
  UNION ALL
  SELECT e.id, a.unit_path, a.path FROM audit_event e JOIN inspection_team t ON t.id::text = e.entity_id
    JOIN inspection_plan p ON p.id = t.plan_id JOIN agency a ON a.id = p.issuing_agency_id
   WHERE e.entity_type = 'inspection_team'
  UNION ALL
  SELECT e.id, a.unit_path, a.path FROM audit_event e JOIN document_register_entry d ON d.id::text = e.entity_id JOIN agency a ON a.id = d.agency_id
   WHERE e.entity_type = 'document_register_entry'
  UNION ALL
  SELECT e.id, a.unit_path, a.path FROM audit_event e JOIN issued_document i ON i.id::text = e.entity_id
    JOIN document_register_entry d ON d.id = i.register_entry_id JOIN agency a ON a.id = d.agency_id
   WHERE e.entity_type = 'issued_document'
  UNION ALL
  -- A file's event keeps the attachment row (after, or before for a removal): its record.
  SELECT e.id, a.unit_path, a.path FROM audit_event e
    JOIN inspection_plan p ON p.id::text = coalesce(e.after, e.before)->>'ownerId' JOIN agency a ON a.id = p.issuing_agency_id
   WHERE e.entity_type = 'file_attachment' AND coalesce(e.after, e.before)->>'ownerType' = 'plan'
  UNION ALL
  SELECT e.id, a.unit_path, a.path FROM audit_event e
    JOIN inspection_team t ON t.id::text = coalesce(e.after, e.before)->>'ownerId'
    JOIN inspection_plan p ON p.id = t.plan_id JOIN agency a ON a.id = p.issuing_agency_id
   WHERE e.entity_type = 'file_attachment' AND coalesce(e.after, e.before)->>'ownerType' = 'team';
--> statement-breakpoint
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete;
--> statement-breakpoint
UPDATE audit_event SET scope = '{installation}' WHERE entity_type IN ('calendar_year', 'system');
--> statement-breakpoint
UPDATE audit_event e SET scope = k.keys
  FROM (SELECT event_id, array_agg(DISTINCT key ORDER BY key) AS keys
          FROM audit_scope_place, unnest(scope_keys(unit_path, agency_path)) key
         GROUP BY event_id) k
 WHERE e.id = k.event_id;
--> statement-breakpoint
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete;
--> statement-breakpoint
DROP TABLE audit_scope_place;
