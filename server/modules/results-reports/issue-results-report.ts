import type { z } from 'zod';
import type { issueResultsReportBody, ResultsReportContent } from '../../../shared/api/results-reports.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { resultsReport } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { registerDocument } from '../document-register/document-register.js';
import { reportFigures } from './report-figures.js';
import { resultsReportDocument } from './results-report-document.js';
import { reportPlace, reportResource } from './results-reports.policy.js';

/**
 * A leader approves and signs the report: the register gives its BC number, the figures are
 * frozen with it (later scores or inspections change the dashboard, never an issued report), the
 * .docx is frozen — one transaction. Dated no later than today and not before the year it reports.
 */
export async function issueResultsReport(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof issueResultsReportBody>, today: string) {
  const row = await loadForAction(tx, ctx, reportResource, id, 'issue', input.version);
  if (input.issuedOn > today) throw AppError.invalid('body.issuedOn', 'in_future', `the report cannot be dated after today (${today})`);
  // A report on year Y covers the whole year: drafted mid-December, dated from 01/12/Y onwards
  // (docs/decisions/results-report-date.md); once issued it is frozen, so never earlier.
  if (input.issuedOn < `${row.year}-12-01`) throw AppError.invalid('body.issuedOn', 'before_period_end', `a report on ${row.year} is dated from 01/12/${row.year} onwards`);
  const content: ResultsReportContent = { ...(row.content as ResultsReportContent), ...(input.signature ? { signature: input.signature } : {}) };
  if (!content.signature.signerName.trim()) throw AppError.invalid('body.signature.signerName', 'required', 'who signs the report?');
  const figures = await reportFigures(tx, { ...row, status: 'draft' }, today);
  const entry = await registerDocument(tx, ctx, {
    agencyId: row.issuingAgencyId,
    typeCode: 'bao_cao',
    summary: content.summary,
    issuedOn: input.issuedOn,
    signerName: content.signature.signerName,
    signerPosition: [content.signature.onBehalfOf, content.signature.position].filter(Boolean).join(' / '),
    subjectType: 'results_report',
    subjectId: id,
  });
  const after = await updateVersioned(tx, resultsReport, id, input.version, { status: 'issued', content, figures, registerEntryId: entry.id, issuedOn: input.issuedOn, issuedBy: ctx.actor.userId });
  await freezeIssuedDocument(tx, ctx, resultsReportDocument, { subjectId: id, registerEntryId: entry.id });
  await recordAudit(tx, ctx, {
    action: 'results_report.issued',
    entityType: 'results_report',
    entityId: id,
    scope: { places: [reportPlace(row)] },
    before: { status: row.status, version: row.version },
    after: { status: 'issued', version: after.version, number: entry.number, symbol: entry.symbol, issuedOn: input.issuedOn },
  });
  return after;
}
