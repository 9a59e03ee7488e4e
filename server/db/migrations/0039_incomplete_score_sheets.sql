-- Custom SQL migration file, put your code below! --
-- A partly scored sheet has no index any more (docs/decisions/incomplete-score-sheets.md): its
-- summary, computed under the old rule (unscored leaves earned nothing), is dropped here — the
-- roll-up triggers take it out of every unit above — and start-up summarises the sheets that
-- have none (server/main.ts, summarizeUnsummarizedSheets) with the rule of
-- shared/domain/index-scoring.ts. A complete sheet's summary is the same under both rules.
DELETE FROM index_sheet_summary s
 WHERE EXISTS (
   SELECT 1 FROM index_criterion c
    WHERE c.framework_id = s.framework_id
      AND NOT EXISTS (SELECT 1 FROM index_criterion ch WHERE ch.parent_id = c.id)
      AND NOT EXISTS (
        SELECT 1 FROM index_score sc
         WHERE sc.sheet_id = s.sheet_id AND sc.criterion_id = c.id
           AND (sc.not_applicable OR coalesce(sc.final_points, sc.appraised_points, sc.self_points) IS NOT NULL)));
