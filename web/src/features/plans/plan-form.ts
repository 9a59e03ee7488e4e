import { blocksToText, linesToList, textToBlocks } from './block-text.js';
import { blockSections, type BlockSection, type PlanContent, type PlanDetail, type PlanSignature, type UpdatePlanBody } from './plans.types.js';

/** What the draft editor holds: sections as text, lists as lines, the signer as fields. */
export interface PlanFormValues {
  year: number;
  /** 'YYYY-MM'. */
  periodFrom: string;
  periodTo: string;
  targetAgencyIds: string[];
  summary: string;
  legalBases: string;
  sections: Record<BlockSection, string>;
  standingOfficeHeading: string;
  recipients: string;
  signature: { authority: string; onBehalfOf: string; position: string; signerName: string };
}

export function planFormValues(plan: PlanDetail): PlanFormValues {
  const c = plan.content;
  return {
    year: plan.year,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    targetAgencyIds: plan.targets.map((t) => t.agencyId),
    summary: c.summary,
    legalBases: c.legalBases.join('\n'),
    sections: Object.fromEntries(blockSections.map((s) => [s, blocksToText(c[s])])) as Record<BlockSection, string>,
    standingOfficeHeading: c.standingOfficeHeading,
    recipients: c.recipients.join('\n'),
    signature: {
      authority: c.signature.authority ?? '',
      onBehalfOf: c.signature.onBehalfOf ?? '',
      position: c.signature.position,
      signerName: c.signature.signerName,
    },
  };
}

/** Form signer -> API signer: blank optional lines are left out. */
export function signatureOf(values: PlanFormValues['signature']): PlanSignature {
  const authority = values.authority.trim();
  const onBehalfOf = values.onBehalfOf.trim();
  return {
    ...(authority ? { authority } : {}),
    ...(onBehalfOf ? { onBehalfOf } : {}),
    position: values.position.trim(),
    signerName: values.signerName.trim(),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH body for what the drafter changed, without `version`; null when nothing changed.
 * Sections are compared as text, so a section the drafter did not touch is never re-sent and
 * never re-normalised.
 */
export function planChanges(initial: PlanFormValues, values: PlanFormValues): Omit<UpdatePlanBody, 'version'> | null {
  const body: Omit<UpdatePlanBody, 'version'> = {};
  if (values.year !== initial.year) body.year = values.year;
  if (values.periodFrom !== initial.periodFrom) body.periodFrom = values.periodFrom;
  if (values.periodTo !== initial.periodTo) body.periodTo = values.periodTo;
  if (!same(values.targetAgencyIds, initial.targetAgencyIds)) body.targetAgencyIds = values.targetAgencyIds;

  const content: Partial<PlanContent> = {};
  if (values.summary.trim() !== initial.summary.trim()) content.summary = values.summary.trim();
  if (!same(linesToList(values.legalBases), linesToList(initial.legalBases))) content.legalBases = linesToList(values.legalBases);
  for (const section of blockSections) {
    if (values.sections[section] !== initial.sections[section]) content[section] = textToBlocks(values.sections[section]);
  }
  if (values.standingOfficeHeading.trim() !== initial.standingOfficeHeading.trim()) content.standingOfficeHeading = values.standingOfficeHeading.trim();
  if (!same(linesToList(values.recipients), linesToList(initial.recipients))) content.recipients = linesToList(values.recipients);
  if (!same(signatureOf(values.signature), signatureOf(initial.signature))) content.signature = signatureOf(values.signature);
  if (Object.keys(content).length > 0) body.content = content;
  return Object.keys(body).length > 0 ? body : null;
}

/** The skeleton of a new plan: the seed's outline with the town's usual wording to fill in. */
export function emptyPlanContent(summary: string): PlanContent {
  return {
    summary,
    legalBases: [],
    introduction: [],
    purposes: [],
    requirements: [],
    contents: [],
    formsThroughReports: [],
    formsDirectAnnounced: [],
    formsUnannounced: [],
    formsReinspection: [],
    targetsDescription: [],
    focus: [],
    standingOfficeHeading: 'Giao Phòng Nội vụ là cơ quan thường trực',
    standingOfficeDuties: [],
    unitDuties: [],
    closing: [],
    recipients: ['Lưu: VT, NV.'],
    signature: { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: '' },
  };
}
