ALTER TABLE "inspection_notice" ADD COLUMN "issued_items" jsonb;--> statement-breakpoint
-- Notices issued before this migration keep the table as it stands now (the best record there is).
UPDATE "inspection_notice" n SET "issued_items" = coalesce((
  SELECT jsonb_agg(jsonb_build_object(
    'inspectionId', i.id, 'agencyId', i.agency_id, 'agencyName', a.name,
    'startsOn', i.starts_on::text, 'endsOn', i.ends_on::text, 'startTime', i.start_time,
    'places', to_jsonb(array(SELECT pa.name FROM inspection_place ip JOIN agency pa ON pa.id = ip.agency_id WHERE ip.inspection_id = i.id ORDER BY ip.position)),
    'attendees', it.attendees, 'reportDueOn', i.report_due_on::text, 'reportDueExplanation', i.report_due_explanation
  ) ORDER BY it.position)
  FROM inspection_notice_item it JOIN inspection i ON i.id = it.inspection_id JOIN agency a ON a.id = i.agency_id
  WHERE it.notice_id = n.id), '[]'::jsonb)
WHERE n.status = 'issued' AND n.issued_items IS NULL;
