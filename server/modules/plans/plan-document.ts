import type { PlanContent } from '../../../shared/api/plans.schemas.js';
import { documentSymbol } from '../../../shared/domain/document-types.js';
import { isPlanIssued, type PlanStatus } from '../../../shared/domain/plan-status.js';
import type { DbOrTx } from '../../db/client.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { PlanDocumentModel } from '../../documents/model.js';
import { documentDate, issuerInfo } from '../document-register/issuer-header.js';
import { planBody } from './plan-body.js';
import { findPlan, findVisiblePlan, type PlanRow } from './plans.repository.js';

/**
 * The plan as a Decree 30 document (Phụ lục III, Mẫu 1.4), from the database: issuer lines and
 * place from the registry, number and symbol from the register. A draft or submitted plan
 * carries "DỰ THẢO" and a blank number; an issued one its number and date.
 */
export async function planDocumentModel(tx: DbOrTx, plan: PlanRow): Promise<PlanDocumentModel> {
  const issuer = await issuerInfo(tx, plan.issuingAgencyId);
  const content = plan.content as PlanContent;
  const issued = isPlanIssued(plan.status as PlanStatus) && plan.number !== null;
  return {
    layout: 'typed',
    issuer: issuer.body,
    ...(issued ? { number: plan.number! } : {}),
    symbol: plan.symbol ?? documentSymbol('ke_hoach', issuer.docAbbreviation ?? 'UBND'),
    placeName: issuer.placeName,
    date: issued && plan.issuedOn ? documentDate(plan.issuedOn) : { year: plan.year },
    typeName: 'KẾ HOẠCH',
    summary: content.summary,
    draft: !issued,
    ...(content.legalBases.length ? { legalBases: content.legalBases } : {}),
    body: planBody(content, plan.periodFrom, plan.periodTo),
    recipients: content.recipients,
    signature: content.signature,
  };
}

/** "ke-hoach-15-KH-UBND-2021" or "ke-hoach-du-thao-2021". */
export function planFileName(plan: PlanRow): string {
  return registeredFileName('ke-hoach', plan, plan.year);
}

/**
 * The plan as a document kind (Mẫu 1.4): whoever reads the plan downloads it (plans.policy.ts);
 * issued versions are served as frozen at issue, drafts and submitted versions live.
 */
export const planDocument = defineRecordDocumentKind({
  code: 'plan',
  typeCode: 'ke_hoach',
  template: 'Mẫu 1.4',
  subjectType: 'plan',
  recordName: 'plan',
  findVisible: findVisiblePlan,
  find: findPlan,
  fileName: (_db, plan) => planFileName(plan),
  model: planDocumentModel,
});
