import { and, eq } from 'drizzle-orm';
import { officialCalendar } from '../../../shared/domain/calendar/index.js';
import type { InspectionKind, InspectionStatus } from '../../../shared/domain/inspection-status.js';
import { reportDue } from '../../../shared/domain/schedule-rules.js';
import { inspection, inspectionNotice, inspectionNoticeItem, inspectionPlace, inspectionTeamMember } from '../schema/index.js';
import type { Tx } from '../client.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import { registerDocument } from '../../modules/document-register/document-register.js';
import { issuerInfo } from '../../modules/document-register/issuer-header.js';
import { defaultNoticeContent, noticeDocument } from '../../modules/notices/notice-document.js';
import { DEFAULT_ATTENDEES } from '../../modules/notices/notice-items.js';
import { keepIssuedItems } from '../../modules/notices/notices.repository.js';
import { findPlan, type PlanRow } from '../../modules/plans/plans.repository.js';
import type { IssuesInDateOrder } from './demo-register-order.js';

const SYSTEM = { actor: null, ip: null, requestId: null } as const;
const FIRST_NOTICE_ISSUED_ON = '2021-05-20';
const NOTICE_ISSUED_ON = '2021-08-16';

/**
 * The day the 2021 demo is "as of": after the last announced visit (27/10) and before the secret
 * unannounced one (18/11, issue 8 §7: one not started) and the re-inspection (7/12). Every visit
 * before it has happened as a real office would have it (started, minutes signed, closed); none
 * after it has begun. The seed-demo test holds the demo to it.
 */
export const DEMO_SEASON_AS_OF = '2021-11-15';

interface DemoVisit {
  agency: string;
  kind: InspectionKind;
  startsOn: string;
  status: InspectionStatus;
  startTime?: string;
  /** Agency keys of the places (default: the agency itself). */
  places?: string[];
  reinspectionOf?: number;
}

/**
 * The 2021 season lived in (issue 8 §7), as of DEMO_SEASON_AS_OF: a dozen announced visits of wards and communes from June
 * to October, all held and closed — those of June to mid-August notified on 20/5, the rest on 16/8 —, two unannounced
 * visits to one-stop desks (one started, one still secret), one re-inspection, and the demo
 * `inspector` on the team (as its secretary), so each role has something to see on "Việc của tôi".
 */
export async function seedDemoSeason(tx: Tx, ids: { agencyIds: Map<string, string>; planId: string; teamId: string; inspectorUserId: string }, register: IssuesInDateOrder) {
  const agencyId = (key: string) => {
    const id = ids.agencyIds.get(key);
    if (!id) throw new Error(`demo agency ${key} is missing`);
    return id;
  };
  await tx
    .update(inspectionTeamMember)
    .set({ userId: ids.inspectorUserId })
    .where(and(eq(inspectionTeamMember.teamId, ids.teamId), eq(inspectionTeamMember.role, 'thu_ky')));

  const wards = [...ids.agencyIds.keys()].filter((k) => k.startsWith('ubnd:2021:')).slice(0, 12);
  const visits: DemoVisit[] = [];
  // Every ninth working day from June: all held by DEMO_SEASON_AS_OF (closed), those after 16/8 on its notice.
  let day = '2021-06-08';
  for (const [n, ward] of wards.entries()) {
    if (!officialCalendar.isWorkingDay(day)) day = officialCalendar.nextWorkingDay(day);
    visits.push({ agency: ward, kind: 'announced', startsOn: day, startTime: n % 2 ? '14:00' : '08:00', status: day < DEMO_SEASON_AS_OF ? 'closed' : 'notified' });
    day = officialCalendar.addWorkingDays(day, 9);
  }
  const desk = (ward: string) => ward.replace('ubnd:', 'one-stop:');
  // The demo unit officer's ward (Bồng Sơn) has the secret one: signed in as `unit`, it is not there until it starts.
  const secretWard = wards.find((w) => w.endsWith(':Bồng Sơn')) ?? wards[5];
  const startedWard = wards.find((w) => w !== secretWard && w !== wards[0])!;
  // 19/10: a day the team has no announced visit (14/10 and 27/10 are), so nobody is booked twice.
  visits.push({ agency: startedWard, kind: 'unannounced', startsOn: '2021-10-19', status: 'under_way', places: [desk(startedWard)] });
  visits.push({ agency: secretWard, kind: 'unannounced', startsOn: '2021-11-18', status: 'planned', places: [desk(secretWard)] });
  visits.push({ agency: wards[0], kind: 'reinspection', startsOn: '2021-12-07', status: 'planned', reinspectionOf: 0 });

  const created: { id: string; visit: DemoVisit }[] = [];
  for (const v of visits) {
    const due = reportDue(officialCalendar, v.kind, v.startsOn);
    const started = v.status === 'under_way' || v.status === 'closed';
    const [row] = await tx
      .insert(inspection)
      .values({
        planId: ids.planId,
        agencyId: agencyId(v.agency),
        teamId: ids.teamId,
        kind: v.kind,
        status: v.status,
        startsOn: v.startsOn,
        endsOn: v.startsOn,
        startTime: v.startTime ?? null,
        reportDueOn: due?.date ?? null,
        reportDueExplanation: due?.explanation ?? null,
        reinspectionOfId: v.reinspectionOf === undefined ? null : created[v.reinspectionOf].id,
        startedAt: started ? new Date(`${v.startsOn}T${v.startTime ?? '08:30'}:00+07:00`) : null,
        closedAt: v.status === 'closed' ? new Date(`${v.startsOn}T17:00:00+07:00`) : null,
      })
      .returning({ id: inspection.id });
    await tx.insert(inspectionPlace).values((v.places ?? [v.agency]).map((k, position) => ({ inspectionId: row.id, agencyId: agencyId(k), position })));
    created.push({ id: row.id, visit: v });
  }

  // The notices by the standing office (TL. Chủ tịch): of 20/5/2021 for the visits of June to mid-August
  // (the demo unit's among them), then of 16/8/2021 for the announced visits still ahead. Both
  // go in the office's register in date order with the minutes of the visits (seedDemo runs the queue).
  const plan = (await findPlan(tx, ids.planId))!;
  const office = agencyId('office:NV');
  const announced = created.filter((c) => c.visit.kind === 'announced');
  const early = announced.filter((c) => c.visit.startsOn < NOTICE_ISSUED_ON).map((c) => c.id);
  const late = announced.filter((c) => c.visit.startsOn >= NOTICE_ISSUED_ON).map((c) => c.id);
  register.add(FIRST_NOTICE_ISSUED_ON, async () => void (await issueDemoNotice(tx, plan, office, FIRST_NOTICE_ISSUED_ON, early)));
  const noticeId = crypto.randomUUID();
  register.add(NOTICE_ISSUED_ON, async () => void (await issueDemoNotice(tx, plan, office, NOTICE_ISSUED_ON, late, noticeId)));
  return { inspections: created.length, noticeId };
}

/** One issued notice of the office for these inspections, numbered in its register, frozen as issued. */
export async function issueDemoNotice(tx: Tx, plan: PlanRow, office: string, issuedOn: string, inspectionIds: string[], noticeId: string = crypto.randomUUID()) {
  const content = defaultNoticeContent(plan, await issuerInfo(tx, office), await issuerInfo(tx, plan.issuingAgencyId), []);
  content.signature = { ...content.signature, signerName: content.signature.signerName || 'Trần Thị Thu Hà' };
  const entry = await registerDocument(tx, SYSTEM, {
    agencyId: office,
    typeCode: 'thong_bao',
    summary: content.summary,
    issuedOn,
    signerName: content.signature.signerName,
    signerPosition: [content.signature.authority, content.signature.onBehalfOf, content.signature.position].filter(Boolean).join(' / '),
    subjectType: 'notice',
    subjectId: noticeId,
  });
  // Drafted the day it was issued (the list reads notices in the order they were made).
  const at = new Date(`${issuedOn}T08:00:00+07:00`);
  await tx.insert(inspectionNotice).values({ id: noticeId, planId: plan.id, issuingAgencyId: office, status: 'issued', content, registerEntryId: entry.id, issuedOn, createdAt: at, updatedAt: at });
  await tx.insert(inspectionNoticeItem).values(inspectionIds.map((inspectionId, position) => ({ noticeId, inspectionId, position, attendees: DEFAULT_ATTENDEES })));
  await keepIssuedItems(tx, noticeId);
  await freezeIssuedDocument(tx, SYSTEM, noticeDocument, { subjectId: noticeId, registerEntryId: entry.id });
  return noticeId;
}
