import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { PlanDetail } from '../../shared/api/plans.schemas.js';
import type { Team } from '../../shared/api/teams.schemas.js';
import type { Draw } from '../../shared/api/draws.schemas.js';
import type { Inspection } from '../../shared/api/inspections.schemas.js';
import type { Notice } from '../../shared/api/notices.schemas.js';
import { dayNumberToIso, toDayNumber } from '../../shared/domain/calendar/dates.js';
import type { RoleName } from '../../shared/domain/capabilities.js';
import type { Outcome } from './matrix.expected.js';
import { queryRows, type Db } from '../db/client.js';
import { samplePng } from '../files/sample-files.js';
import { enqueueJob } from '../jobs/enqueue.js';
import { notify } from '../notifications/notify.js';
import type { AnyJobDefinition } from '../jobs/define.js';
import { makeAgency, makeUnit, makeUser, TEST_PASSWORD, type makeAuthority } from '../test/factories.js';
import { signIn, type Client, type TestApp } from '../test/harness.js';
import type { Conclusion } from '../../shared/api/conclusions.schemas.js';
import type { Minutes } from '../../shared/api/minutes.schemas.js';
import type { CorrectiveActionDetail } from '../../shared/api/corrective-actions.schemas.js';
import type { Escalation } from '../../shared/api/escalations.schemas.js';
import { multipart } from '../test/multipart.js';
import { createDraft, planBody } from '../modules/plans/plans.test-support.js';
import { frameworkBody, publishedFramework, saveFinal } from '../modules/indices/test-support.js';
import type { FrameworkDetail } from '../../shared/api/indices.schemas.js';
import { standardOneStopTemplate } from '../../shared/domain/checklists.js';

/**
 * How the authorization matrix (matrix.test.ts) makes each operation's request: for the caller's
 * own authority ("in scope": records under ward A of authority A, which every role of A reaches —
 * the unit officer is granted on ward A's People's Committee) and for another province that no
 * user of A reaches ("out of scope"). The expected answers are in matrix.expected.ts.
 *
 * A recipe that changes a record asks for it with `fresh(name, make)`: the record is made once and
 * reused by the next callers until one of them succeeds (2xx), then made anew, so every cell meets
 * the record in the state the operation expects.
 */

export type Authority = Awaited<ReturnType<typeof makeAuthority>>;
export type Caller = 'anonymous' | RoleName;

export interface MatrixRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

/** One authority with signed-in staff to prepare records, and helpers that make them. */
export interface Place {
  a: Authority;
  t: TestApp;
  db: Db;
  admin: Client;
  leader: Client;
  sec: Client;
  /** Records made once and only read. */
  shared<T>(name: string, make: () => Promise<T>): Promise<T>;
  /** A job of the test's failing kind, failed, with this authority's scope. */
  failedJob(): Promise<string>;
}

export interface BuildContext {
  place: Place;
  /** The caller's role and client (null for anonymous). */
  caller: Caller;
  client: Client | null;
  /** Whether the place is the caller's own authority. */
  inScope: boolean;
  /** A record for this operation, made anew after a request changed it (see above). */
  fresh<T>(name: string, make: () => Promise<T>): Promise<T>;
}

export interface Recipe {
  /** false: the operation has no record or place to be in or out of scope (one column). */
  scoped: boolean;
  /** 'fresh-session': the caller signs in again for this request (it ends the session); 'fresh-user': a new user of the same role (it changes the password). */
  session?: 'fresh-session' | 'fresh-user';
  /** Needs LibreOffice (skipped where the server cannot make PDF). */
  needsPdf?: boolean;
  /** The answer echoes the caller's own input (an import's rejected codes): no leak check. */
  echoesInput?: boolean;
  /** A finer outcome than the status (e.g. "200 rejected" for an import that refused every row). */
  outcome?(status: number, body: string): Outcome;
  build(ctx: BuildContext): Promise<MatrixRequest>;
}

// ---------------------------------------------------------------------------------------------
// Records, made through the API as a user would (or by the test factories for the registry).

let counter = 0;
const next = () => ++counter;
/** Each results report drafted here takes its own year (one report per authority and year). */
let reportYear = 1989;
const nextReportYear = () => ++reportYear;
async function draftReport(p: Place): Promise<{ id: string; version: number }> {
  return expectOk(await p.sec.post('/api/results-reports', { year: nextReportYear() }), 'draft results report');
}

async function versionOf(db: Db, table: 'agency' | 'unit' | 'app_user', id: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(db, sql`select version from ${sql.identifier(table)} where id = ${id}`);
  return row.version;
}

/**
 * Runs the imports already asked for: one import per user and kind at a time (409
 * IMPORT_IN_PROGRESS, docs/decisions/import-limits.md), so each upload here starts from none waiting.
 */
const settleImports = (place: Place) => place.t.drain({ queues: ['registry.import', 'indices.import-scores', 'indices.import-criteria', 'assigned-tasks.import'] });

async function expectOk<T>(res: { statusCode: number; body: string; json(): unknown }, what: string): Promise<T> {
  if (res.statusCode >= 300) throw new Error(`matrix fixture: ${what} failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** A plan of the town committee inspecting ward A's committee and the home-affairs office. */
const draftPlan = (p: Place) => createDraft(p.sec, p.a, { targetAgencyIds: [p.a.wardACommittee.id, p.a.homeAffairs.id] });
async function submittedPlan(p: Place): Promise<PlanDetail> {
  const plan = await draftPlan(p);
  return expectOk(await p.sec.post(`/api/plans/${plan.id}/submit`, { version: plan.version }), 'submit');
}
async function issuedPlan(p: Place): Promise<PlanDetail> {
  const plan = await submittedPlan(p);
  return expectOk(await p.leader.post(`/api/plans/${plan.id}/issue`, { version: plan.version, issuedOn: issueDay() }), 'issue');
}
async function startedPlan(p: Place): Promise<PlanDetail> {
  const plan = await issuedPlan(p);
  return expectOk(await p.sec.post(`/api/plans/${plan.id}/start`, { version: plan.version }), 'start');
}
async function draftTeam(p: Place): Promise<Team> {
  const plan = await issuedPlan(p);
  return expectOk(await p.sec.post(`/api/plans/${plan.id}/teams`, { name: `Đoàn kiểm tra ${p.a.tag} ${next()}` }), 'prepare team');
}
const member = (p: Place) => ({ honorific: 'Ông', fullName: 'Nguyễn Văn Hùng', position: 'Phó Chủ tịch UBND thị xã', agencyId: p.a.townCommittee.id, role: 'truong_doan' });
async function staffedTeam(p: Place): Promise<Team> {
  const team = await draftTeam(p);
  return expectOk(await p.sec.put(`/api/teams/${team.id}/members`, { version: team.version, members: [member(p)] }), 'team members');
}
async function foundedTeam(p: Place): Promise<Team> {
  const team = await staffedTeam(p);
  return expectOk(await p.leader.post(`/api/teams/${team.id}/found`, { version: team.version, issuedOn: issueDay(), signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } }), 'found team');
}
/** Each inspection on a day of its own (2021, within the plans' period), so none conflicts with another. */
let visitDays = 0;
const visitDay = () => dayNumberToIso(toDayNumber('2021-05-20') + ++visitDays);
/**
 * The day a 2021 document is issued on: the last visit day handed out. A register refuses a date
 * before its last entry (numbers follow dates), and the rows run in table order, each making its
 * records when it needs them: so the documents' days only ever move forward, with the visits.
 * Every visit is then on or before it (conclusions, proposals); a notice takes its own visit's day.
 */
const issueDay = () => dayNumberToIso(toDayNumber('2021-05-20') + visitDays);
/** A notice is dated on its (first) visit's day: at the latest that day, at the earliest every document before it. */
const noticeDay = (n: Notice) => n.items.map((i) => i.startsOn).sort()[0];
async function inspectionOf(p: Place, kind: 'announced' | 'unannounced' | 'report', agencyId = p.a.wardACommittee.id): Promise<Inspection> {
  const team = await p.shared('foundedTeam', () => foundedTeam(p));
  return expectOk(await p.sec.post('/api/inspections', { planId: team.planId, agencyId, teamId: team.id, kind, startsOn: visitDay() }), `schedule ${kind} inspection`);
}
async function startedInspection(p: Place): Promise<Inspection> {
  const i = await inspectionOf(p, 'report');
  return expectOk(await p.sec.post(`/api/inspections/${i.id}/start`, { version: i.version }), 'start inspection');
}
async function draftNotice(p: Place): Promise<Notice> {
  const i = await inspectionOf(p, 'announced');
  return expectOk(await p.sec.post('/api/inspection-notices', { planId: i.planId, items: [{ inspectionId: i.id }] }), 'draft notice');
}
async function issuedNotice(p: Place): Promise<Notice> {
  const n = await draftNotice(p);
  return expectOk(await p.sec.post(`/api/inspection-notices/${n.id}/issue`, { version: n.version, issuedOn: noticeDay(n), signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' }, overrideReason: 'Ghi nhận sau' }), 'issue notice');
}
/** Rows draw again on shared plans: each draw sets the earlier ones aside (a redraw needs a reason, create-draw.ts). */
const REDRAW = 'Bốc lại (ma trận phân quyền)';
async function drawOf(p: Place): Promise<Draw> {
  const plan = await issuedPlan(p);
  return expectOk(await p.sec.post('/api/unannounced-draws', { planId: plan.id, k: 1, placeKinds: ['head_office'], supersedeReason: REDRAW }), 'draw');
}
/** A draw of the team's plan whose drawn place has had its unannounced visit started: the reveal is allowed. */
async function visitedDraw(p: Place): Promise<Draw> {
  const team = await p.shared('foundedTeam', () => foundedTeam(p));
  const d = await expectOk<Draw>(await p.sec.post('/api/unannounced-draws', { planId: team.planId, k: 1, placeKinds: ['head_office'], supersedeReason: REDRAW }), 'draw');
  await inspectionOf(p, 'unannounced', d.drawn[0].agencyId);
  // Every unannounced visit of the plan to the drawn place starts (other rows of the shared place
  // may have scheduled some): the reveal waits for all of them (DRAW_VISITS_PENDING).
  const pending = await expectOk<{ items: Inspection[] }>(await p.sec.get(`/api/inspections?planId=${team.planId}&agencyId=${d.drawn[0].agencyId}&kind=unannounced&status=planned&pageSize=500`), 'pending visits');
  for (const visit of pending.items) await expectOk(await p.sec.post(`/api/inspections/${visit.id}/start`, { version: visit.version }), 'start unannounced visit');
  return expectOk(await p.sec.get(`/api/unannounced-draws/${d.id}`), 'read draw');
}
async function revealedDraw(p: Place): Promise<Draw> {
  const d = await visitedDraw(p);
  return expectOk(await p.sec.post(`/api/unannounced-draws/${d.id}/reveal`, { version: d.version }), 'reveal draw');
}
/** Minutes of a started desk review of ward A (issue 10 §4), drafted by the office recording it. */
async function draftMinutes(p: Place): Promise<Minutes> {
  const i = await startedInspection(p);
  return expectOk(await p.sec.post('/api/minutes', { inspectionId: i.id, content: { unitSignerName: 'Trần Văn An', teamLeaderName: 'Nguyễn Văn Hùng' } }), 'draft minutes');
}
async function finalMinutes(p: Place): Promise<Minutes> {
  const m = await draftMinutes(p);
  return expectOk(await p.sec.post(`/api/minutes/${m.id}/finalize`, { version: m.version }), 'finalize minutes');
}
/** Conclusions of a started desk review of ward A (issue 10 §5): one requirement, 10 working days. */
async function draftConclusion(p: Place): Promise<Conclusion> {
  const i = await startedInspection(p);
  return expectOk(await p.sec.post('/api/conclusions', { inspectionId: i.id, actions: [{ content: 'Niêm yết đầy đủ thủ tục hành chính', dueWorkingDays: 10 }] }), 'draft conclusion');
}
async function issuedConclusion(p: Place): Promise<Conclusion> {
  const c = await draftConclusion(p);
  return expectOk(await p.leader.post(`/api/conclusions/${c.id}/issue`, { version: c.version, issuedOn: issueDay(), signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } }), 'issue conclusion');
}
const openAction = async (p: Place) => (await issuedConclusion(p)).actions[0];
/** An action its unit reported done, with a photo as evidence. */
async function reportedAction(p: Place): Promise<CorrectiveActionDetail> {
  const a = await openAction(p);
  await expectOk(await p.sec.request({ method: 'POST', url: `/api/files?ownerType=corrective_action&ownerId=${a.id}&purpose=evidence`, ...multipart([{ name: 'file', filename: 'anh.png', contentType: 'image/png', data: samplePng(3, 2, [next() % 255, 9, 9]) }]) }), 'evidence');
  const unit = await signIn(p.t.app, p.a.users.unitOfficerA.username, TEST_PASSWORD);
  return expectOk(await unit.post(`/api/corrective-actions/${a.id}/updates`, { version: a.version, move: 'report', note: 'Đã khắc phục.' }), 'report action');
}
/** An action on a re-inspection that the office has started. */
async function reinspectedAction(p: Place): Promise<CorrectiveActionDetail> {
  const c = await issuedConclusion(p);
  const team = await p.shared('foundedTeam', () => foundedTeam(p));
  const { inspectionId } = await expectOk<{ inspectionId: string }>(await p.sec.post(`/api/conclusions/${c.id}/reinspection`, { teamId: team.id, startsOn: visitDay() }), 'reinspection');
  const re = await expectOk<Inspection>(await p.sec.get(`/api/inspections/${inspectionId}`), 'read reinspection');
  await expectOk(await p.sec.post(`/api/inspections/${inspectionId}/start`, { version: re.version }), 'start reinspection');
  return expectOk(await p.sec.get(`/api/corrective-actions/${c.actions[0].id}`), 'read action');
}
/** A proposal for a public-service inspection after ward A's desk review (issue 10 §7). */
async function draftEscalation(p: Place): Promise<Escalation> {
  const i = await startedInspection(p);
  return expectOk(await p.sec.post('/api/escalations', { inspectionId: i.id, form: 'to_trinh' }), 'draft escalation');
}
const signedBy = { onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName: 'Nguyễn Văn Hùng' };
async function proposedEscalation(p: Place): Promise<Escalation> {
  const e = await draftEscalation(p);
  return expectOk(await p.leader.post(`/api/escalations/${e.id}/issue`, { version: e.version, issuedOn: issueDay(), signature: signedBy }), 'issue escalation');
}
async function acceptedEscalation(p: Place): Promise<Escalation> {
  const e = await proposedEscalation(p);
  return expectOk(await p.sec.post(`/api/escalations/${e.id}/decision`, { version: e.version, decision: 'accept', decidedOn: '2021-12-31' }), 'accept escalation');
}
const freshUnit = (p: Place) => makeUnit(p.db, { name: `Khu phố ${p.a.tag} ${next()}`, kind: 'ward', parentId: p.a.wardA.id });
const freshAgency = (p: Place) => makeAgency(p.db, { unitId: p.a.wardA.id, parentAgencyId: p.a.wardACommittee.id, name: `Tổ công tác ${p.a.tag} ${next()}`, kind: 'other' });
const freshUser = (p: Place) => makeUser(p.db, [{ role: 'unit_officer', agencyId: p.a.wardACommittee.id }], `Cán bộ ${p.a.tag}`);

function upload(owner: string, png = samplePng(3, 2, [next() % 255, 7, 9])) {
  return { url: `/api/files?ownerType=plan&ownerId=${owner}&purpose=supporting`, ...multipart([{ name: 'file', filename: 'anh.png', contentType: 'image/png', data: png }]) };
}
async function attachment(p: Place): Promise<string> {
  const plan = await p.shared('issuedPlan', () => issuedPlan(p));
  const { url, payload, headers } = upload(plan.id);
  const res = await p.sec.request({ method: 'POST', url, payload, headers });
  return (await expectOk<{ id: string }>(res, 'upload')).id;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const AGENCY_HEADERS = ['Mã', 'Tên', 'Tên viết tắt', 'Loại', 'Mã đơn vị hành chính', 'Mã cơ quan cấp trên', 'Ký hiệu trên văn bản', 'Địa danh', 'Người đứng đầu', 'Chức vụ', 'Điện thoại', 'Email', 'Địa chỉ', 'Hiệu lực từ', 'Hiệu lực đến', 'Đang hoạt động'];
/** A workbook that changes the phone number of ward A's committee of the place. */
async function contactsWorkbook(p: Place): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cơ quan, đơn vị');
  ws.addRow(AGENCY_HEADERS);
  const row: Record<string, string> = { 'Mã': p.a.wardACommittee.code!, 'Tên': p.a.wardACommittee.name, 'Loại': 'peoples_committee', 'Mã đơn vị hành chính': p.a.wardA.code!, 'Điện thoại': '0256 3861 234', 'Đang hoạt động': 'có' };
  ws.addRow(AGENCY_HEADERS.map((h) => row[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A job kind that always fails at once: a failed job for the admin to retry. */
export const FAILING_JOB = 'test.matrix-failing';
export async function failJob(t: TestApp, definition: AnyJobDefinition, a: Authority): Promise<string> {
  const id = (await t.database.db.transaction((tx) => enqueueJob(tx, definition, { recordId: a.town.id }, { scope: { agencyId: a.townCommittee.id } })))!;
  await t.drain();
  return id;
}

// ---------------------------------------------------------------------------------------------

const get = (url: string): MatrixRequest => ({ method: 'GET', url });
const unscopedGet = (url: string): Recipe => ({ scoped: false, build: async () => get(url) });

/**
 * One recipe per entry of matrix.expected.ts: the key is "METHOD /path" as in the OpenAPI
 * document, optionally followed by " (variant)" when one operation is checked on records in
 * different states.
 */
export const matrixRequests: Record<string, Recipe> = {
  // System: public probes; metrics need the operator's bearer token.
  'GET /api/health': unscopedGet('/api/health'),
  'GET /api/health/live': unscopedGet('/api/health/live'),
  'GET /api/health/ready': unscopedGet('/api/health/ready'),
  'GET /api/metrics': unscopedGet('/api/metrics'),

  // Session.
  'POST /api/session': {
    scoped: false,
    session: 'fresh-user',
    build: async ({ client, place }) => ({ method: 'POST', url: '/api/session', payload: { username: client?.username ?? place.a.users.inspector.username, password: 'test-password-123' } }),
  },
  'GET /api/session': unscopedGet('/api/session'),
  'GET /api/session/current': unscopedGet('/api/session/current'),
  'DELETE /api/session': { scoped: false, session: 'fresh-session', build: async () => ({ method: 'DELETE', url: '/api/session' }) },
  'POST /api/session/password': {
    scoped: false,
    session: 'fresh-user',
    build: async () => ({ method: 'POST', url: '/api/session/password', payload: { currentPassword: 'test-password-123', newPassword: `new-password-${next()}` } }),
  },

  // Registry: units.
  'GET /api/units': { scoped: true, build: async ({ place }) => get(`/api/units?parentId=${place.a.wardA.id}&includeInactive=true`) },
  'POST /api/units': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: '/api/units', payload: { name: `Khu phố mới ${place.a.tag} ${next()}`, kind: 'ward', parentId: place.a.wardA.id } }),
  },
  'GET /api/units/{id}': { scoped: true, build: async ({ place }) => get(`/api/units/${place.a.wardA.id}`) },
  'PATCH /api/units/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const u = await fresh('unit', () => freshUnit(place));
      return { method: 'PATCH', url: `/api/units/${u.id}`, payload: { version: u.version, name: `Khu phố đổi tên ${place.a.tag} ${next()}` } };
    },
  },
  'POST /api/units/{id}/deactivate': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const u = await fresh('unit', () => freshUnit(place));
      return { method: 'POST', url: `/api/units/${u.id}/deactivate`, payload: { version: u.version } };
    },
  },
  'POST /api/units/{id}/successions': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const u = await fresh('unit', () => freshUnit(place));
      return { method: 'POST', url: `/api/units/${u.id}/successions`, payload: { kind: 'merged_into', toUnitId: place.a.wardA.id, effectiveDate: '2025-07-01' } };
    },
  },

  // Registry: agencies.
  'GET /api/agencies': { scoped: true, build: async ({ place }) => get(`/api/agencies?unitId=${place.a.wardA.id}`) },
  'POST /api/agencies': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: '/api/agencies', payload: { unitId: place.a.wardA.id, parentAgencyId: place.a.wardACommittee.id, name: `Tổ mới ${place.a.tag} ${next()}`, kind: 'other' } }),
  },
  'GET /api/agencies/{id}': { scoped: true, build: async ({ place }) => get(`/api/agencies/${place.a.wardACommittee.id}`) },
  'PATCH /api/agencies/{id}': {
    scoped: true,
    // Contact details of ward A's committee: the unit officer's own agency.
    build: async ({ place }) => ({ method: 'PATCH', url: `/api/agencies/${place.a.wardACommittee.id}`, payload: { version: await versionOf(place.db, 'agency', place.a.wardACommittee.id), phone: `0256 38${next()}` } }),
  },
  'PATCH /api/agencies/{id} (all fields)': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const g = await fresh('agency', () => freshAgency(place));
      return { method: 'PATCH', url: `/api/agencies/${g.id}`, payload: { version: await versionOf(place.db, 'agency', g.id), name: `Tổ đổi tên ${place.a.tag} ${next()}` } };
    },
  },
  'PATCH /api/agencies/{id} (contacts of another agency)': {
    scoped: true,
    // Issue 12 §4: a unit officer keeps their own agency's contacts, not every agency's in the ward.
    build: async ({ place, fresh }) => {
      const g = await fresh('agency', () => freshAgency(place));
      return { method: 'PATCH', url: `/api/agencies/${g.id}`, payload: { version: await versionOf(place.db, 'agency', g.id), phone: `0256 39${next()}` } };
    },
  },
  'POST /api/agencies/{id}/deactivate': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const g = await fresh('agency', () => freshAgency(place));
      return { method: 'POST', url: `/api/agencies/${g.id}/deactivate`, payload: { version: g.version } };
    },
  },
  'GET /api/registry/export.xlsx': unscopedGet('/api/registry/export.xlsx'),
  'POST /api/registry/import': {
    scoped: true,
    echoesInput: true,
    // The import is a job: the request is taken (202) or refused (403) before the file is read;
    // rows outside the caller's scope are rejected by the job (import-export.test.ts).
    build: async ({ place }) => (await settleImports(place), { method: 'POST', url: '/api/registry/import?dryRun=true', ...multipart([{ name: 'file', filename: 'danh-muc.xlsx', contentType: XLSX, data: await place.shared('workbook', () => contactsWorkbook(place)) }]) }),
  },
  'GET /api/registry/imports/{id}': {
    scoped: true,
    // In scope: an import the caller asked for (or, for a role that may not import, the office's); out of scope: another province's admin's.
    build: async ({ place, client, inScope }) => {
      await settleImports(place);
      const req = multipart([{ name: 'file', filename: 'danh-muc.xlsx', contentType: XLSX, data: await place.shared('workbook', () => contactsWorkbook(place)) }]);
      const res = inScope && client ? await client.request({ method: 'POST', url: '/api/registry/import?dryRun=true', ...req }) : null;
      const id = res?.statusCode === 202 ? (res.json() as { id: string }).id : (await expectOk<{ id: string }>(await place.sec.request({ method: 'POST', url: '/api/registry/import?dryRun=true', ...req }), 'registry import')).id;
      return get(`/api/registry/imports/${id}`);
    },
  },

  // Audit, users, settings.
  'GET /api/audit': { scoped: true, build: async ({ place }) => get(`/api/audit?entityType=agency&entityId=${place.a.wardACommittee.id}`) },
  'GET /api/users': unscopedGet('/api/users'),
  'POST /api/users': {
    scoped: true,
    build: async ({ place }) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `matrix.${next()}.${place.a.tag}`, fullName: `Cán bộ ${place.a.tag}`, password: 'mat-khau-rat-dai-123', roles: [{ role: 'unit_officer', agencyId: place.a.wardACommittee.id }] },
    }),
  },
  'PATCH /api/users/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const u = await fresh('user', () => freshUser(place));
      return { method: 'PATCH', url: `/api/users/${u.id}`, payload: { version: await versionOf(place.db, 'app_user', u.id), fullName: `Cán bộ đổi tên ${place.a.tag}` } };
    },
  },
  'GET /api/settings/standing-body': unscopedGet('/api/settings/standing-body'),
  'GET /api/settings/schedule-rules': unscopedGet('/api/settings/schedule-rules'),
  'PUT /api/settings/schedule-rules': {
    scoped: true,
    // The town's values in force written back as its own: the other requests of the matrix see the same rules.
    build: async ({ place }) => {
      const current = (await place.admin.get(`/api/settings/schedule-rules?unitId=${place.a.town.id}`)).json() as { version: number | null; noticeLeadWorkingDays: number; revisitMinDays: number };
      return { method: 'PUT', url: '/api/settings/schedule-rules', payload: { noticeLeadWorkingDays: current.noticeLeadWorkingDays, revisitMinDays: current.revisitMinDays, version: current.version, unitId: place.a.town.id } };
    },
  },
  'PUT /api/settings/schedule-rules (installation)': {
    scoped: false,
    build: async ({ place }) => {
      const current = (await place.admin.get('/api/settings/schedule-rules?scope=installation')).json() as { version: number | null; noticeLeadWorkingDays: number; revisitMinDays: number };
      return { method: 'PUT', url: '/api/settings/schedule-rules', payload: { noticeLeadWorkingDays: current.noticeLeadWorkingDays, revisitMinDays: current.revisitMinDays, version: current.version } };
    },
  },
  'GET /api/settings/reminder-time': unscopedGet('/api/settings/reminder-time'),
  'PUT /api/settings/reminder-time': {
    scoped: true,
    build: async ({ place }) => {
      const current = (await place.admin.get(`/api/settings/reminder-time?unitId=${place.a.town.id}`)).json() as { version: number | null; time: string };
      return { method: 'PUT', url: '/api/settings/reminder-time', payload: { unitId: place.a.town.id, time: current.time, version: current.version } };
    },
  },
  'PUT /api/settings/standing-body': {
    scoped: true,
    build: async ({ place }) => {
      const current = (await place.admin.get('/api/settings/standing-body')).json() as { version: number | null };
      return { method: 'PUT', url: '/api/settings/standing-body', payload: { agencyId: place.a.homeAffairs.id, version: current.version ?? null } };
    },
  },

  // Plans.
  'GET /api/plans': { scoped: true, build: async ({ place }) => (await place.shared('issuedPlan', () => issuedPlan(place)), get(`/api/plans?issuingAgencyId=${place.a.townCommittee.id}`)) },
  'POST /api/plans': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: '/api/plans', payload: planBody(place.a, { targetAgencyIds: [place.a.wardACommittee.id] }) }) },
  'GET /api/plans/{id}': { scoped: true, build: async ({ place }) => get(`/api/plans/${(await place.shared('issuedPlan', () => issuedPlan(place))).id}`) },
  'GET /api/plans/{id} (draft)': { scoped: true, build: async ({ place }) => get(`/api/plans/${(await place.shared('draftPlan', () => draftPlan(place))).id}`) },
  'PATCH /api/plans/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const plan = await fresh('draft', () => draftPlan(place));
      return { method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { version: plan.version, periodTo: '2021-11' } };
    },
  },
  'POST /api/plans/from-previous': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: '/api/plans/from-previous', payload: { sourcePlanId: (await place.shared('issuedPlan', () => issuedPlan(place))).id } }),
  },
  'POST /api/plans/{id}/submit': transition('submit', draftPlan),
  'POST /api/plans/{id}/start': transition('start', issuedPlan),
  'POST /api/plans/{id}/close': transition('close', startedPlan),
  'POST /api/plans/{id}/return': transition('return', submittedPlan, { reason: 'Bổ sung nội dung' }),
  'POST /api/plans/{id}/issue': transition('issue', submittedPlan, () => ({ issuedOn: issueDay() })),
  'POST /api/plans/{id}/amendments': transition('amendments', issuedPlan),

  // Teams.
  'GET /api/plans/{id}/teams': { scoped: true, build: async ({ place }) => get(`/api/plans/${(await place.shared('issuedPlan', () => issuedPlan(place))).id}/teams`) },
  'POST /api/plans/{id}/teams': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: `/api/plans/${(await place.shared('issuedPlan', () => issuedPlan(place))).id}/teams`, payload: { name: `Đoàn ${place.a.tag} ${next()}` } }),
  },
  'GET /api/teams/{id}': { scoped: true, build: async ({ place }) => get(`/api/teams/${(await place.shared('foundedTeam', () => foundedTeam(place))).id}`) },
  'GET /api/teams/{id} (draft)': { scoped: true, build: async ({ place }) => get(`/api/teams/${(await place.shared('draftTeam', () => draftTeam(place))).id}`) },
  'PATCH /api/teams/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const team = await fresh('team', () => draftTeam(place));
      return { method: 'PATCH', url: `/api/teams/${team.id}`, payload: { version: team.version, name: `Đoàn đổi tên ${place.a.tag} ${next()}` } };
    },
  },
  'PUT /api/teams/{id}/members': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const team = await fresh('team', () => draftTeam(place));
      return { method: 'PUT', url: `/api/teams/${team.id}/members`, payload: { version: team.version, members: [member(place)] } };
    },
  },
  'POST /api/teams/{id}/found': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const team = await fresh('team', () => staffedTeam(place));
      return { method: 'POST', url: `/api/teams/${team.id}/found`, payload: { version: team.version, issuedOn: issueDay(), signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } } };
    },
  },

  // Inspections: ward A's committee, by a founded team of the town's plan (no account on it).
  'GET /api/inspections': { scoped: true, build: async ({ place }) => get(`/api/inspections?agencyId=${place.a.wardACommittee.id}`) },
  'GET /api/me/calendar-feed': unscopedGet('/api/me/calendar-feed'),
  'POST /api/me/calendar-feed': { scoped: false, build: async () => ({ method: 'POST', url: '/api/me/calendar-feed' }) },
  'DELETE /api/me/calendar-feed': { scoped: false, build: async () => ({ method: 'DELETE', url: '/api/me/calendar-feed' }) },
  // Public (the address is the secret): an address nobody was given is not found, for everyone.
  'GET /api/calendar-feed/{token}': unscopedGet(`/api/calendar-feed/${'x'.repeat(43)}`),
  'GET /api/inspections/export.xlsx': { scoped: true, build: async ({ place }) => get(`/api/inspections/export.xlsx?agencyId=${place.a.wardACommittee.id}`) },
  'GET /api/inspections/{id}': { scoped: true, build: async ({ place }) => get(`/api/inspections/${(await place.shared('announcedInspection', () => inspectionOf(place, 'announced'))).id}`) },
  'GET /api/inspections/{id} (unannounced, not started)': {
    scoped: true,
    build: async ({ place }) => get(`/api/inspections/${(await place.shared('unannouncedInspection', () => inspectionOf(place, 'unannounced'))).id}`),
  },
  'POST /api/inspections': {
    scoped: true,
    build: async ({ place }) => {
      const team = await place.shared('foundedTeam', () => foundedTeam(place));
      return { method: 'POST', url: '/api/inspections', payload: { planId: team.planId, agencyId: place.a.wardACommittee.id, teamId: team.id, kind: 'announced', startsOn: visitDay() } };
    },
  },
  'PATCH /api/inspections/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const i = await fresh('inspection', () => inspectionOf(place, 'announced'));
      return { method: 'PATCH', url: `/api/inspections/${i.id}`, payload: { version: i.version, note: `Ghi chú ${next()}` } };
    },
  },
  'POST /api/inspections/{id}/start': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const i = await fresh('reportInspection', () => inspectionOf(place, 'report'));
      return { method: 'POST', url: `/api/inspections/${i.id}/start`, payload: { version: i.version } };
    },
  },
  'POST /api/inspections/{id}/close': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const i = await fresh('startedInspection', () => startedInspection(place));
      return { method: 'POST', url: `/api/inspections/${i.id}/close`, payload: { version: i.version } };
    },
  },
  'POST /api/inspections/{id}/cancel': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const i = await fresh('inspection', () => inspectionOf(place, 'announced'));
      return { method: 'POST', url: `/api/inspections/${i.id}/cancel`, payload: { version: i.version, reason: 'Đơn vị đề nghị' } };
    },
  },
  'POST /api/inspections/{id}/reschedule': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const i = await fresh('inspection', () => inspectionOf(place, 'announced'));
      return { method: 'POST', url: `/api/inspections/${i.id}/reschedule`, payload: { version: i.version, reason: 'Trùng lịch', startsOn: visitDay() } };
    },
  },

  // Schedule proposals for the town's plan with a founded team (the office only).
  'GET /api/plans/{id}/unscheduled-targets': { scoped: true, build: async ({ place }) => get(`/api/plans/${(await place.shared('foundedTeam', () => foundedTeam(place))).planId}/unscheduled-targets`) },
  'GET /api/unscheduled-targets': { scoped: false, build: async () => get('/api/unscheduled-targets') },
  'POST /api/schedule-proposals': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: '/api/schedule-proposals', payload: { planId: (await place.shared('foundedTeam', () => foundedTeam(place))).planId, from: '2021-06-01', to: '2021-06-30' } }),
  },
  'POST /api/schedule-proposals/accept': {
    scoped: true,
    build: async ({ place }) => {
      const team = await place.shared('foundedTeam', () => foundedTeam(place));
      return { method: 'POST', url: '/api/schedule-proposals/accept', payload: { planId: team.planId, placements: [{ agencyId: place.a.wardACommittee.id, teamId: team.id, startsOn: visitDay() }] } };
    },
  },
  // Draws of unannounced targets of a fresh issued plan of the town (head offices: ward A's committee, home affairs).
  'GET /api/unannounced-draws': { scoped: true, build: async ({ place }) => get(`/api/unannounced-draws?planId=${(await place.shared('drawnPlan', () => drawOf(place))).planId}`) },
  'POST /api/unannounced-draws': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: '/api/unannounced-draws', payload: { planId: (await place.shared('issuedPlan', () => issuedPlan(place))).id, k: 1, placeKinds: ['head_office'], supersedeReason: REDRAW } }),
  },
  'GET /api/unannounced-draws/{id}': { scoped: true, build: async ({ place }) => get(`/api/unannounced-draws/${(await place.shared('drawnPlan', () => drawOf(place))).id}`) },
  'POST /api/unannounced-draws/{id}/reveal': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const d = await fresh('draw', () => visitedDraw(place));
      return { method: 'POST', url: `/api/unannounced-draws/${d.id}/reveal`, payload: { version: d.version } };
    },
  },
  // Public once revealed (anyone checks the draw); a draw not revealed is not found, for everyone.
  'GET /api/public/unannounced-draws/{id}': { scoped: false, build: async ({ place }) => get(`/api/public/unannounced-draws/${(await place.shared('revealedDraw', () => revealedDraw(place))).id}`) },
  'GET /api/public/unannounced-draws/{id} (not revealed)': { scoped: false, build: async ({ place }) => get(`/api/public/unannounced-draws/${(await place.shared('drawnPlan', () => drawOf(place))).id}`) },

  // Schedule notices of announced inspections of ward A's committee.
  'GET /api/inspection-notices': { scoped: true, build: async ({ place }) => get(`/api/inspection-notices?planId=${(await place.shared('foundedTeam', () => foundedTeam(place))).planId}`) },
  'GET /api/inspection-notices/{id}': { scoped: true, build: async ({ place }) => get(`/api/inspection-notices/${(await place.shared('issuedNotice', () => issuedNotice(place))).id}`) },
  'GET /api/inspection-notices/{id} (draft)': { scoped: true, build: async ({ place }) => get(`/api/inspection-notices/${(await place.shared('draftNotice', () => draftNotice(place))).id}`) },
  'POST /api/inspection-notices': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const i = await fresh('noticeInspection', () => inspectionOf(place, 'announced'));
      return { method: 'POST', url: '/api/inspection-notices', payload: { planId: i.planId, items: [{ inspectionId: i.id }] } };
    },
  },
  'PATCH /api/inspection-notices/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const n = await fresh('notice', () => draftNotice(place));
      return { method: 'PATCH', url: `/api/inspection-notices/${n.id}`, payload: { version: n.version, content: { summary: `Lịch kiểm tra ${next()}` } } };
    },
  },
  'POST /api/inspection-notices/{id}/issue': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const n = await fresh('notice', () => draftNotice(place));
      return { method: 'POST', url: `/api/inspection-notices/${n.id}/issue`, payload: { version: n.version, issuedOn: noticeDay(n), signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' }, overrideReason: 'Ghi nhận sau' } };
    },
  },

  // Minutes (issue 10 §4): ward A's desk review, recorded by the office.
  'GET /api/minutes': { scoped: true, build: async ({ place }) => get(`/api/minutes?inspectionId=${(await place.shared('finalMinutes', () => finalMinutes(place))).inspectionId}`) },
  'GET /api/minutes/{id}': { scoped: true, build: async ({ place }) => get(`/api/minutes/${(await place.shared('finalMinutes', () => finalMinutes(place))).id}`) },
  'GET /api/minutes/{id} (draft)': { scoped: true, build: async ({ place }) => get(`/api/minutes/${(await place.shared('draftMinutes', () => draftMinutes(place))).id}`) },
  'POST /api/minutes': {
    scoped: true,
    build: async ({ place, fresh }) => ({ method: 'POST', url: '/api/minutes', payload: { inspectionId: (await fresh('visited', () => startedInspection(place))).id } }),
  },
  'PATCH /api/minutes/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const m = await fresh('minutes', () => draftMinutes(place));
      return { method: 'PATCH', url: `/api/minutes/${m.id}`, payload: { version: m.version, content: { unitComments: [`Ý kiến ${next()}`] } } };
    },
  },
  'POST /api/minutes/{id}/finalize': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const m = await fresh('minutes', () => draftMinutes(place));
      return { method: 'POST', url: `/api/minutes/${m.id}/finalize`, payload: { version: m.version } };
    },
  },

  // Conclusions and corrective actions (issue 10 §5–6): ward A's desk review, after the visit.
  'GET /api/conclusions': { scoped: true, build: async ({ place }) => get(`/api/conclusions?inspectionId=${(await place.shared('issuedConclusion', () => issuedConclusion(place))).inspectionId}`) },
  'GET /api/conclusions/{id}': { scoped: true, build: async ({ place }) => get(`/api/conclusions/${(await place.shared('issuedConclusion', () => issuedConclusion(place))).id}`) },
  'GET /api/conclusions/{id} (draft)': { scoped: true, build: async ({ place }) => get(`/api/conclusions/${(await place.shared('draftConclusion', () => draftConclusion(place))).id}`) },
  'POST /api/conclusions': {
    scoped: true,
    build: async ({ place, fresh }) => ({ method: 'POST', url: '/api/conclusions', payload: { inspectionId: (await fresh('visited', () => startedInspection(place))).id } }),
  },
  'PATCH /api/conclusions/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const c = await fresh('conclusion', () => draftConclusion(place));
      return { method: 'PATCH', url: `/api/conclusions/${c.id}`, payload: { version: c.version, content: { summary: `Kết luận kiểm tra ${next()}` } } };
    },
  },
  'POST /api/conclusions/{id}/issue': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const c = await fresh('conclusion', () => draftConclusion(place));
      return { method: 'POST', url: `/api/conclusions/${c.id}/issue`, payload: { version: c.version, issuedOn: issueDay(), signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } } };
    },
  },
  'POST /api/conclusions/{id}/reinspection': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const c = await fresh('issuedConclusion', () => issuedConclusion(place));
      const team = await place.shared('foundedTeam', () => foundedTeam(place));
      return { method: 'POST', url: `/api/conclusions/${c.id}/reinspection`, payload: { teamId: team.id, startsOn: visitDay() } };
    },
  },
  'GET /api/corrective-actions': { scoped: true, build: async ({ place }) => (await place.shared('issuedConclusion', () => issuedConclusion(place)), get(`/api/corrective-actions?agencyId=${place.a.wardACommittee.id}`)) },
  'GET /api/corrective-actions/export.xlsx': { scoped: true, build: async ({ place }) => (await place.shared('issuedConclusion', () => issuedConclusion(place)), get(`/api/corrective-actions/export.xlsx?unitId=${place.a.town.id}`)) },
  'GET /api/corrective-actions/board': { scoped: true, build: async ({ place }) => get(`/api/corrective-actions/board?planId=${(await place.shared('issuedConclusion', () => issuedConclusion(place))).planId}`) },
  'GET /api/corrective-actions/{id}': { scoped: true, build: async ({ place }) => get(`/api/corrective-actions/${(await place.shared('issuedConclusion', () => issuedConclusion(place))).actions[0].id}`) },
  'POST /api/corrective-actions/{id}/updates': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const a = await fresh('openAction', () => openAction(place));
      return { method: 'POST', url: `/api/corrective-actions/${a.id}/updates`, payload: { version: a.version, move: 'plan', note: 'Kế hoạch khắc phục' } };
    },
  },
  'POST /api/corrective-actions/{id}/review': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const a = await fresh('reportedAction', () => reportedAction(place));
      return { method: 'POST', url: `/api/corrective-actions/${a.id}/review`, payload: { version: a.version, decision: 'accept' } };
    },
  },
  'POST /api/corrective-actions/{id}/reinspection-result': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const a = await fresh('reinspectedAction', () => reinspectedAction(place));
      return { method: 'POST', url: `/api/corrective-actions/${a.id}/reinspection-result`, payload: { version: a.version, result: 'reinspection_fixed' } };
    },
  },

  // Escalations (issue 10 §7): the office drafts, the leader signs the committee's; internal to the authority.
  'GET /api/escalations': { scoped: true, build: async ({ place }) => get(`/api/escalations?inspectionId=${(await place.shared('proposedEscalation', () => proposedEscalation(place))).inspectionId}`) },
  'GET /api/escalations/{id}': { scoped: true, build: async ({ place }) => get(`/api/escalations/${(await place.shared('proposedEscalation', () => proposedEscalation(place))).id}`) },
  'POST /api/escalations': {
    scoped: true,
    build: async ({ place, fresh }) => ({ method: 'POST', url: '/api/escalations', payload: { inspectionId: (await fresh('visited', () => startedInspection(place))).id, form: 'cong_van' } }),
  },
  'PATCH /api/escalations/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const e = await fresh('escalation', () => draftEscalation(place));
      return { method: 'PATCH', url: `/api/escalations/${e.id}`, payload: { version: e.version, content: { summary: `Đề nghị kiểm tra công vụ ${next()}` } } };
    },
  },
  'POST /api/escalations/{id}/issue': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const e = await fresh('escalation', () => draftEscalation(place));
      return { method: 'POST', url: `/api/escalations/${e.id}/issue`, payload: { version: e.version, issuedOn: issueDay(), signature: signedBy } };
    },
  },
  'POST /api/escalations/{id}/decision': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const e = await fresh('proposedEscalation', () => proposedEscalation(place));
      return { method: 'POST', url: `/api/escalations/${e.id}/decision`, payload: { version: e.version, decision: 'decline', decidedOn: '2021-12-31' } };
    },
  },
  'POST /api/escalations/{id}/result': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const e = await fresh('acceptedEscalation', () => acceptedEscalation(place));
      return { method: 'POST', url: `/api/escalations/${e.id}/result`, payload: { version: e.version, resultOn: '2021-12-31', result: 'Kiểm điểm, rút kinh nghiệm.' } };
    },
  },

  // Documents and the register.
  'GET /api/document-types': unscopedGet('/api/document-types'),
  'GET /api/documents/pdf-availability': unscopedGet('/api/documents/pdf-availability'),
  'GET /api/document-register': { scoped: true, build: async ({ place }) => get(`/api/document-register?agencyId=${place.a.townCommittee.id}&year=2021`) },
  'POST /api/document-register': {
    scoped: true,
    build: async ({ place }) => ({
      method: 'POST',
      url: '/api/document-register',
      payload: { agencyId: place.a.townCommittee.id, typeCode: 'thong_bao', summary: 'Thông báo kiểm tra', issuedOn: issueDay(), signerName: 'Nguyễn Văn A', signerPosition: 'Chủ tịch' },
    }),
  },
  'GET /api/documents/{kind}/{file}': { scoped: true, build: async ({ place }) => get(`/api/documents/plan/${(await place.shared('issuedPlan', () => issuedPlan(place))).id}.docx`) },
  'GET /api/documents/{kind}/{file} (team decision)': { scoped: true, build: async ({ place }) => get(`/api/documents/team-decision/${(await place.shared('foundedTeam', () => foundedTeam(place))).id}.docx`) },
  'POST /api/documents/{kind}/{id}/conversions': {
    scoped: true,
    needsPdf: true,
    build: async ({ place }) => ({ method: 'POST', url: `/api/documents/plan/${(await place.shared('issuedPlan', () => issuedPlan(place))).id}/conversions` }),
  },
  'GET /api/document-conversions/{id}': {
    scoped: true,
    needsPdf: true,
    // In scope: a conversion the caller asked for; out of scope: one another province's office asked for.
    build: async ({ place, client, inScope }) => {
      const plan = await place.shared('issuedPlan', () => issuedPlan(place));
      const res = await (inScope && client ? client : place.sec).post(`/api/documents/plan/${plan.id}/conversions`);
      return get(`/api/document-conversions/${(await expectOk<{ id: string }>(res, 'conversion')).id}`);
    },
  },

  // Calendar.
  'GET /api/calendar/deadline': unscopedGet('/api/calendar/deadline?date=2026-04-24&workingDays=5&direction=after'),
  'GET /api/calendar/{year}': unscopedGet('/api/calendar/2026'),
  'PUT /api/calendar/{year}': {
    scoped: false,
    build: async ({ place }) => {
      const year = 2150 + (next() % 40);
      const current = (await place.admin.get(`/api/calendar/${year}`)).json() as { version: number | null };
      return { method: 'PUT', url: `/api/calendar/${year}`, payload: { version: current.version ?? null, source: 'Thông báo của Bộ', entries: [{ date: `${year}-01-01`, kind: 'holiday', name: 'Tết Dương lịch', source: 'Bộ luật Lao động' }] } };
    },
  },

  // Jobs (admins).
  'GET /api/admin/jobs': unscopedGet('/api/admin/jobs'),
  'GET /api/admin/jobs/failed': unscopedGet(`/api/admin/jobs/failed?queue=${FAILING_JOB}`),
  'POST /api/admin/jobs/{queue}/{id}/retry': {
    scoped: true,
    build: async ({ place, fresh }) => ({ method: 'POST', url: `/api/admin/jobs/${FAILING_JOB}/${await fresh('job', () => place.failedJob())}/retry` }),
  },
  'PUT /api/admin/jobs/daily-run-time': {
    scoped: false,
    build: async ({ place }) => {
      const current = (await place.admin.get('/api/admin/jobs')).json() as { dailyRunTime: { version: number | null } };
      return { method: 'PUT', url: '/api/admin/jobs/daily-run-time', payload: { time: '07:30', version: current.dailyRunTime?.version ?? null } };
    },
  },

  // Notifications: each user's own; the outbox for admins.
  'GET /api/notifications': unscopedGet('/api/notifications'),
  'GET /api/notifications/unread-count': unscopedGet('/api/notifications/unread-count'),
  'POST /api/notifications/{id}/read': {
    scoped: true,
    // In scope: a notification to the caller; out of scope: one to the other province's office.
    build: async ({ place, client, inScope }) => {
      const to = inScope && client ? client.userId : place.a.users.secretariat.id;
      const system = { actor: null, ip: null, requestId: null };
      const { notifications } = await place.db.transaction((tx) => notify(tx, system, { kind: 'general', recipients: [to], params: { title: `Thông báo ${place.a.tag}`, message: 'Thử' }, link: null }));
      return { method: 'POST', url: `/api/notifications/${notifications[0].id}/read` };
    },
  },
  'POST /api/notifications/read-all': { scoped: false, build: async () => ({ method: 'POST', url: '/api/notifications/read-all' }) },
  'GET /api/me/notification-preferences': unscopedGet('/api/me/notification-preferences'),
  'PUT /api/me/notification-preferences': { scoped: false, build: async () => ({ method: 'PUT', url: '/api/me/notification-preferences', payload: { language: 'vi', kinds: [{ kind: 'general', email: false }] } }) },
  'GET /api/admin/mail': unscopedGet('/api/admin/mail'),

  // Files attached to records (a plan here; the team's files follow the same resolver).
  'POST /api/files': {
    scoped: true,
    build: async ({ place }) => {
      const plan = await place.shared('issuedPlan', () => issuedPlan(place));
      return { method: 'POST', ...upload(plan.id) };
    },
  },
  'GET /api/files': { scoped: true, build: async ({ place }) => get(`/api/files?ownerType=plan&ownerId=${(await place.shared('issuedPlan', () => issuedPlan(place))).id}`) },
  'GET /api/files/{id}': { scoped: true, build: async ({ place }) => get(`/api/files/${await place.shared('attachment', () => attachment(place))}`) },
  'DELETE /api/files/{id}': { scoped: true, build: async ({ place, fresh }) => ({ method: 'DELETE', url: `/api/files/${await fresh('attachment', () => attachment(place))}` }) },

  // Index frameworks and scores (issue 11): the town committee's framework, ward A's scores.
  'GET /api/index-frameworks': { scoped: true, build: async ({ place }) => (await place.shared('scoredFramework', () => scoredFramework(place)), get('/api/index-frameworks?year=2021')) },
  'GET /api/index-frameworks/{id}': { scoped: true, build: async ({ place }) => get(`/api/index-frameworks/${(await place.shared('scoredFramework', () => scoredFramework(place))).id}`) },
  'POST /api/index-frameworks': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: '/api/index-frameworks', payload: frameworkBody(place.a, { code: `MXN-${place.a.tag}-${next()}` }) }) },
  'PATCH /api/index-frameworks/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const f = await fresh('framework', () => draftFramework(place));
      return { method: 'PATCH', url: `/api/index-frameworks/${f.id}`, payload: { version: f.version, name: `Bộ chỉ số đổi tên ${place.a.tag}` } };
    },
  },
  'POST /api/index-frameworks/{id}/publish': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const f = await fresh('framework', () => draftFramework(place));
      return { method: 'POST', url: `/api/index-frameworks/${f.id}/publish`, payload: { version: f.version } };
    },
  },
  'POST /api/index-frameworks/{id}/versions': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const f = await fresh('framework', () => freshPublished(place));
      return { method: 'POST', url: `/api/index-frameworks/${f.id}/versions`, payload: { version: f.version } };
    },
  },
  'GET /api/index-frameworks/{id}/results': { scoped: true, build: async ({ place }) => get(`/api/index-frameworks/${(await place.shared('scoredFramework', () => scoredFramework(place))).id}/results?year=2021`) },
  'GET /api/index-frameworks/{id}/results.xlsx': { scoped: true, build: async ({ place }) => get(`/api/index-frameworks/${(await place.shared('scoredFramework', () => scoredFramework(place))).id}/results.xlsx?year=2021`) },
  'GET /api/index-frameworks/{id}/sheets/{unitId}/{year}': {
    scoped: true,
    build: async ({ place }) => get(`/api/index-frameworks/${(await place.shared('scoredFramework', () => scoredFramework(place))).id}/sheets/${place.a.wardA.id}/2021`),
  },
  'PUT /api/index-frameworks/{id}/sheets/{unitId}/{year}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const f = await fresh('framework', () => freshPublished(place));
      const leaves = ['1.1', '1.2', '2.1', '2.2'].map((code) => ({ criterionId: f.criteria.find((n) => n.code === code)!.id, finalPoints: 1 }));
      return { method: 'PUT', url: `/api/index-frameworks/${f.id}/sheets/${place.a.wardA.id}/2021`, payload: { version: null, entries: leaves } };
    },
  },
  'PATCH /api/index-frameworks/{id}/sheets/{unitId}/{year}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const f = await fresh('framework', () => freshPublished(place));
      return { method: 'PATCH', url: `/api/index-frameworks/${f.id}/sheets/${place.a.wardA.id}/2021`, payload: { version: null, entries: [{ criterionId: f.criteria.find((n) => n.code === '1.1')!.id, finalPoints: 1 }] } };
    },
  },
  'GET /api/index-frameworks/{id}/score-template.xlsx': { scoped: true, build: async ({ place }) => get(`/api/index-frameworks/${(await place.shared('scoredFramework', () => scoredFramework(place))).id}/score-template.xlsx`) },
  'POST /api/index-frameworks/{id}/score-imports': {
    scoped: true,
    build: async ({ place }) => {
      await settleImports(place);
      const f = await place.shared('scoredFramework', () => scoredFramework(place));
      return { method: 'POST', url: `/api/index-frameworks/${f.id}/score-imports?year=2021&dryRun=true`, ...multipart([{ name: 'file', filename: 'diem.xlsx', contentType: XLSX, data: await place.shared('scoresWorkbook', () => scoresWorkbook(place, f)) }]) };
    },
  },
  'GET /api/index-score-imports/{id}': {
    scoped: true,
    // In scope: an import the caller asked for (or, for a role that may not import, the office's); out of scope: another province's.
    build: async ({ place, client, inScope }) => {
      await settleImports(place);
      const f = await place.shared('scoredFramework', () => scoredFramework(place));
      const asker = inScope && client ? client : place.sec;
      const req = multipart([{ name: 'file', filename: 'diem.xlsx', contentType: XLSX, data: await place.shared('scoresWorkbook', () => scoresWorkbook(place, f)) }]);
      const res = await asker.request({ method: 'POST', url: `/api/index-frameworks/${f.id}/score-imports?year=2021&dryRun=true`, ...req });
      const id = res.statusCode === 202 ? (res.json() as { id: string }).id : (await expectOk<{ id: string }>(await place.sec.request({ method: 'POST', url: `/api/index-frameworks/${f.id}/score-imports?year=2021&dryRun=true`, ...req }), 'import')).id;
      return get(`/api/index-score-imports/${id}`);
    },
  },
  'GET /api/index-frameworks/{id}/criteria.xlsx': { scoped: true, build: async ({ place }) => get(`/api/index-frameworks/${(await place.shared('scoredFramework', () => scoredFramework(place))).id}/criteria.xlsx`) },
  'POST /api/index-frameworks/{id}/criteria-imports': {
    scoped: true,
    build: async ({ place }) => {
      await settleImports(place);
      const f = await place.shared('criteriaDraft', () => draftFramework(place));
      return { method: 'POST', url: `/api/index-frameworks/${f.id}/criteria-imports?dryRun=true`, ...multipart([{ name: 'file', filename: 'tieu-chi.xlsx', contentType: XLSX, data: await criteriaWorkbookBytes() }]) };
    },
  },
  'GET /api/index-framework-imports/{id}': {
    scoped: true,
    // In scope: an import the caller asked for (or, for a role that may not import, the office's); out of scope: another province's.
    build: async ({ place, client, inScope }) => {
      await settleImports(place);
      const f = await place.shared('criteriaDraft', () => draftFramework(place));
      const asker = inScope && client ? client : place.sec;
      const req = multipart([{ name: 'file', filename: 'tieu-chi.xlsx', contentType: XLSX, data: await criteriaWorkbookBytes() }]);
      const url = `/api/index-frameworks/${f.id}/criteria-imports?dryRun=true`;
      const res = await asker.request({ method: 'POST', url, ...req });
      const id = res.statusCode === 202 ? (res.json() as { id: string }).id : (await expectOk<{ id: string }>(await place.sec.request({ method: 'POST', url, ...req }), 'import')).id;
      return get(`/api/index-framework-imports/${id}`);
    },
  },
  'GET /api/feedback': { scoped: true, build: async ({ place }) => (await place.shared('feedback', () => feedbackItem(place)), get(`/api/feedback?unitId=${place.a.wardA.id}`)) },
  'POST /api/feedback': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: '/api/feedback', payload: { unitId: place.a.wardA.id, receivedOn: '2021-04-02', channel: 'hotline', subject: `Phản ánh ${next()}` } }) },
  'PATCH /api/feedback/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const item = await fresh('feedback', () => feedbackItem(place));
      return { method: 'PATCH', url: `/api/feedback/${item.id}`, payload: { version: item.version, status: 'processing' } };
    },
  },
  'GET /api/risk-ranking': { scoped: true, build: async ({ place }) => (await place.shared('scoredFramework', () => scoredFramework(place)), get(`/api/risk-ranking?parentUnitId=${place.a.town.id}&year=2021`)) },
  'GET /api/risk-ranking.xlsx': { scoped: true, build: async ({ place }) => (await place.shared('scoredFramework', () => scoredFramework(place)), get(`/api/risk-ranking.xlsx?parentUnitId=${place.a.town.id}&year=2021`)) },
  'GET /api/awaiting-signature': { scoped: false, build: async () => get('/api/awaiting-signature') },
  'GET /api/results-reports': { scoped: false, build: async () => get('/api/results-reports') },
  'POST /api/results-reports': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: '/api/results-reports', payload: { year: nextReportYear(), issuingAgencyId: place.a.townCommittee.id } }) },
  'GET /api/results-reports/{id}': { scoped: true, build: async ({ place }) => get(`/api/results-reports/${(await place.shared('draftReport', () => draftReport(place))).id}`) },
  'PATCH /api/results-reports/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const r = await fresh('draftReport', () => draftReport(place));
      return { method: 'PATCH', url: `/api/results-reports/${r.id}`, payload: { version: r.version, content: { proposals: `Kiến nghị ${next()}` } } };
    },
  },
  'DELETE /api/results-reports/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const r = await fresh('draftReport', () => draftReport(place));
      return { method: 'DELETE', url: `/api/results-reports/${r.id}?version=${r.version}` };
    },
  },
  'POST /api/results-reports/{id}/issue': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const r = await fresh('draftReport', () => draftReport(place));
      return { method: 'POST', url: `/api/results-reports/${r.id}/issue`, payload: { version: r.version, issuedOn: '2022-01-10', signature: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } } };
    },
  },
  'GET /api/documents/{kind}/{file} (results report)': { scoped: true, build: async ({ place }) => get(`/api/documents/results-report/${(await place.shared('draftReport', () => draftReport(place))).id}.docx`) },
  'GET /api/dashboard': { scoped: true, build: async ({ place }) => (await place.shared('scoredFramework', () => scoredFramework(place)), get(`/api/dashboard?year=2021&unitId=${place.a.town.id}`)) },
  'GET /api/dashboard.xlsx': { scoped: true, build: async ({ place }) => get(`/api/dashboard.xlsx?year=2021&unitId=${place.a.town.id}`) },
  'GET /api/risk-weights/{unitId}': { scoped: true, build: async ({ place }) => get(`/api/risk-weights/${place.a.town.id}`) },
  'PUT /api/risk-weights/{unitId}': {
    scoped: true,
    build: async ({ place }) => {
      const current = (await place.sec.get(`/api/risk-weights/${place.a.town.id}`)).json() as { version: number | null; weights: Record<string, number> };
      return { method: 'PUT', url: `/api/risk-weights/${place.a.town.id}`, payload: { version: current.version, weights: { ...current.weights, complaints: (next() % 10) + 0.5 } } };
    },
  },
  // Reports (issue 9): the town's standing office (the place's homeAffairs) owns templates and requests; ward A's report.
  'GET /api/report-templates': { scoped: true, build: async ({ place }) => (await place.shared('reportTemplate', () => reportTemplate(place)), get('/api/report-templates')) },
  'GET /api/report-templates/{id}': { scoped: true, build: async ({ place }) => get(`/api/report-templates/${(await place.shared('reportTemplate', () => reportTemplate(place))).id}`) },
  'POST /api/report-templates': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: '/api/report-templates', payload: { ownerAgencyId: place.a.homeAffairs.id, code: `mx_${next()}`, name: 'Biểu mẫu', kind: 'other', body: reportBody() } }) },
  'PATCH /api/report-templates/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const tpl = await fresh('draftTemplate', () => draftReportTemplate(place));
      return { method: 'PATCH', url: `/api/report-templates/${tpl.id}`, payload: { version: tpl.version, name: `Biểu mẫu ${next()}` } };
    },
  },
  'POST /api/report-templates/{id}/publish': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const tpl = await fresh('draftTemplate', () => draftReportTemplate(place));
      return { method: 'POST', url: `/api/report-templates/${tpl.id}/publish`, payload: { version: tpl.version } };
    },
  },
  'POST /api/report-templates/{id}/copies': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: `/api/report-templates/${(await place.shared('reportTemplate', () => reportTemplate(place))).id}/copies`, payload: { code: `mxc_${next()}` } }) },
  'GET /api/report-period-rules': { scoped: true, build: async ({ place }) => (await place.shared('reportRule', () => reportRule(place)), get('/api/report-period-rules')) },
  'POST /api/report-period-rules': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: '/api/report-period-rules', payload: await ruleBody(place, `R${next()}`) }) },
  'PATCH /api/report-period-rules/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const rule = await fresh('reportRule', () => reportRule(place));
      return { method: 'PATCH', url: `/api/report-period-rules/${rule.id}`, payload: { version: rule.version, dueDay: (next() % 10) + 15 } };
    },
  },
  'GET /api/report-requests': { scoped: true, build: async ({ place }) => (await place.shared('openReport', () => openReport(place)), get('/api/report-requests')) },
  'GET /api/report-requests/{id}': { scoped: true, build: async ({ place }) => get(`/api/report-requests/${(await place.shared('openReport', () => openReport(place))).requestId}`) },
  'POST /api/report-requests': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: '/api/report-requests', payload: { kind: 'ad_hoc', ownerAgencyId: place.a.homeAffairs.id, templateId: (await place.shared('reportTemplate', () => reportTemplate(place))).id, title: 'Báo cáo đột xuất', dueOn: aheadDueOn(), targetAgencyIds: [place.a.wardACommittee.id] } }),
  },
  'PATCH /api/report-requests/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const r = await fresh('draftRequest', () => draftReportRequest(place));
      return { method: 'PATCH', url: `/api/report-requests/${r.id}`, payload: { version: r.version, title: `Báo cáo ${next()}` } };
    },
  },
  'POST /api/report-requests/{id}/issue': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const r = await fresh('draftRequest', () => draftReportRequest(place));
      return { method: 'POST', url: `/api/report-requests/${r.id}/issue`, payload: { version: r.version, issuedOn: issueDay(), signature: { position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' } } };
    },
  },
  // A sent request (the unit asked sees it: 403 to its officer).
  'POST /api/report-requests/{id}/extend': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const r = await fresh('sentRequest', () => sentReportRequest(place));
      return { method: 'POST', url: `/api/report-requests/${r.id}/extend`, payload: { version: r.version, dueOn: aheadDueOn(27), reason: 'Trùng đợt kiểm tra cuối năm' } };
    },
  },
  'POST /api/report-requests/{id}/withdraw': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const r = await fresh('sentRequest', () => sentReportRequest(place));
      return { method: 'POST', url: `/api/report-requests/${r.id}/withdraw`, payload: { version: r.version, reason: 'Gửi nhầm' } };
    },
  },
  'GET /api/report-submissions': { scoped: true, build: async ({ place }) => (await place.shared('openReport', () => openReport(place)), get('/api/report-submissions')) },
  'GET /api/report-submissions/export.xlsx': { scoped: true, build: async ({ place }) => (await place.shared('openReport', () => openReport(place)), get(`/api/report-submissions/export.xlsx?unitId=${place.a.town.id}`)) },
  'GET /api/report-submissions/{id}': { scoped: true, build: async ({ place }) => get(`/api/report-submissions/${(await place.shared('openReport', () => openReport(place))).id}`) },
  'POST /api/report-requests/{id}/compilations': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: `/api/report-requests/${(await place.shared('openReport', () => openReport(place))).requestId}/compilations` }) },
  // A compilation the caller asked for (or, for a role that may not compile, the office's: 404); out of scope: another province's.
  'GET /api/report-compilations/{id}': { scoped: true, build: async ({ place, client, inScope }) => get(`/api/report-compilations/${await compilationOf(place, inScope ? client : null, false)}`) },
  'GET /api/report-compilations/{id}/compilation.xlsx': { scoped: true, build: async ({ place, client, inScope }) => get(`/api/report-compilations/${await compilationOf(place, inScope ? client : null, true)}/compilation.xlsx`) },
  'GET /api/report-compilations/{id}/report.docx': { scoped: true, build: async ({ place, client, inScope }) => get(`/api/report-compilations/${await compilationOf(place, inScope ? client : null, true)}/report.docx`) },
  'GET /api/report-submissions/{id}/tables.xlsx': { scoped: true, build: async ({ place }) => get(`/api/report-submissions/${(await place.shared('openReport', () => openReport(place))).id}/tables.xlsx`) },
  'GET /api/documents/{kind}/{file} (report submission)': { scoped: true, build: async ({ place }) => get(`/api/documents/report-submission/${(await place.shared('openReport', () => openReport(place))).id}.docx`) },
  'GET /api/report-statistics': { scoped: true, build: async ({ place }) => (await place.shared('openReport', () => openReport(place)), get('/api/report-statistics?year=2021')) },
  'GET /api/report-statistics.xlsx': { scoped: true, build: async ({ place }) => (await place.shared('openReport', () => openReport(place)), get('/api/report-statistics.xlsx?year=2021')) },
  'PUT /api/report-submissions/{id}/draft': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const sub = await fresh('openReport', () => openReport(place));
      return { method: 'PUT', url: `/api/report-submissions/${sub.id}/draft`, payload: { version: sub.version, content: { answers: {}, tables: { figures: [{ n: 1 }] } } } };
    },
  },
  'GET /api/report-templates/{id}/form.xlsx': { scoped: true, build: async ({ place }) => get(`/api/report-templates/${(await place.shared('reportTemplate', () => reportTemplate(place))).id}/form.xlsx`) },
  'GET /api/report-submissions/{id}/form.xlsx': { scoped: true, build: async ({ place }) => get(`/api/report-submissions/${(await place.shared('openReport', () => openReport(place))).id}/form.xlsx`) },
  'POST /api/report-submissions/{id}/form': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const sub = await fresh('openReport', () => openReport(place));
      const form = (await place.sec.get(`/api/report-submissions/${sub.id}/form.xlsx`)).rawPayload;
      return { method: 'POST', url: `/api/report-submissions/${sub.id}/form?version=${sub.version}`, ...multipart([{ name: 'file', filename: 'bieu.xlsx', contentType: XLSX, data: form }]) };
    },
  },
  'POST /api/report-submissions/{id}/submit': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const sub = await fresh('openReport', () => openReport(place));
      return { method: 'POST', url: `/api/report-submissions/${sub.id}/submit`, payload: { version: sub.version } };
    },
  },
  'POST /api/report-submissions/{id}/accept': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const sub = await fresh('submittedReport', () => submittedReport(place));
      return { method: 'POST', url: `/api/report-submissions/${sub.id}/accept`, payload: { version: sub.version } };
    },
  },
  'POST /api/report-submissions/{id}/return': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const sub = await fresh('submittedReport', () => submittedReport(place));
      return { method: 'POST', url: `/api/report-submissions/${sub.id}/return`, payload: { version: sub.version, reason: 'Bổ sung số liệu' } };
    },
  },
  'GET /api/units/{id}/index-history': { scoped: true, build: async ({ place }) => (await place.shared('scoredFramework', () => scoredFramework(place)), get(`/api/units/${place.a.wardA.id}/index-history`)) },

  // Checklists and findings (issue 10 §1–3): templates of the town committee; the checklist of a
  // started desk review of ward A, filled by the office (the matrix's inspector is on no team).
  'GET /api/checklist-templates': { scoped: true, build: async ({ place }) => (await place.shared('oneStopTemplate', () => oneStopTemplate(place)), get('/api/checklist-templates')) },
  'GET /api/checklist-templates/{id}': { scoped: true, build: async ({ place }) => get(`/api/checklist-templates/${(await place.shared('oneStopTemplate', () => oneStopTemplate(place))).id}`) },
  'POST /api/checklist-templates': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: '/api/checklist-templates', payload: templateBody(place) }) },
  'PUT /api/checklist-templates/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const d = await fresh('templateDraft', () => templateDraft(place));
      const { ownerAgencyId: _o, code: _c, kind: _k, ...content } = templateBody(place);
      return { method: 'PUT', url: `/api/checklist-templates/${d.id}`, payload: { version: d.version, ...content } };
    },
  },
  'POST /api/checklist-templates/{id}/publish': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const d = await fresh('templateDraft', () => templateDraft(place));
      return { method: 'POST', url: `/api/checklist-templates/${d.id}/publish`, payload: { version: d.version } };
    },
  },
  'POST /api/checklist-templates/{id}/versions': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const d = await fresh('templatePublished', () => oneStopTemplate(place));
      return { method: 'POST', url: `/api/checklist-templates/${d.id}/versions`, payload: { version: d.version } };
    },
  },
  'GET /api/inspections/{id}/checklists': { scoped: true, build: async ({ place }) => get(`/api/inspections/${(await place.shared('filledInspection', () => filledInspection(place))).inspectionId}/checklists`) },
  'POST /api/inspections/{id}/checklists': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const template = await place.shared('oneStopTemplate', () => oneStopTemplate(place));
      const i = await fresh('startedInspection', () => startedInspection(place));
      return { method: 'POST', url: `/api/inspections/${i.id}/checklists`, payload: { templateId: template.id } };
    },
  },
  'PUT /api/checklist-items/{id}/answer': {
    scoped: true,
    build: async ({ place }) => {
      const { itemId } = await place.shared('filledInspection', () => filledInspection(place));
      return { method: 'PUT', url: `/api/checklist-items/${itemId}/answer`, payload: { version: 1, clientRevisionId: crypto.randomUUID(), editedAt: '2021-05-21T02:00:00Z', rating: 'met', onConflict: 'keep_both' } };
    },
  },
  'GET /api/checklist-items/{id}/history': { scoped: true, build: async ({ place }) => get(`/api/checklist-items/${(await place.shared('filledInspection', () => filledInspection(place))).itemId}/history`) },
  'POST /api/checklist-items/{id}/evidence': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: `/api/checklist-items/${(await place.shared('filledInspection', () => filledInspection(place))).itemId}/evidence`, payload: { clientId: crypto.randomUUID(), documentTitle: 'Sổ tiếp công dân' } }),
  },
  'POST /api/checklist-items/{id}/evidence/upload': {
    scoped: true,
    build: async ({ place }) => {
      const { itemId } = await place.shared('filledInspection', () => filledInspection(place));
      return { method: 'POST', url: `/api/checklist-items/${itemId}/evidence/upload?kind=photo&clientId=${crypto.randomUUID()}&capturedAt=2021-05-21T02:00:00Z`, ...multipart([{ name: 'file', filename: 'anh.png', contentType: 'image/png', data: samplePng(3, 2, [next() % 255, 1, 2]) }]) };
    },
  },
  'DELETE /api/checklist-evidence/{id}': { scoped: true, build: async ({ place, fresh }) => ({ method: 'DELETE', url: `/api/checklist-evidence/${(await fresh('evidence', () => documentEvidence(place))).id}` }) },
  'GET /api/inspections/{id}/findings': { scoped: true, build: async ({ place }) => get(`/api/inspections/${(await place.shared('filledInspection', () => filledInspection(place))).inspectionId}/findings`) },
  'POST /api/inspections/{id}/findings': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: `/api/inspections/${(await place.shared('filledInspection', () => filledInspection(place))).inspectionId}/findings`, payload: findingBody() }),
  },
  'GET /api/findings/{id}': { scoped: true, build: async ({ place }) => get(`/api/findings/${(await place.shared('finding', () => recordedFinding(place))).id}`) },
  'PATCH /api/findings/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const f = await fresh('finding', () => recordedFinding(place));
      return { method: 'PATCH', url: `/api/findings/${f.id}`, payload: { version: f.version, ...findingBody() } };
    },
  },
  'POST /api/findings/{id}/withdraw': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const f = await fresh('finding', () => recordedFinding(place));
      return { method: 'POST', url: `/api/findings/${f.id}/withdraw`, payload: { version: f.version } };
    },
  },
  'GET /api/findings': { scoped: true, build: async ({ place }) => (await place.shared('finding', () => recordedFinding(place)), get('/api/findings')) },
  'GET /api/findings/export.xlsx': { scoped: true, build: async ({ place }) => (await place.shared('finding', () => recordedFinding(place)), get(`/api/findings/export.xlsx?unitId=${place.a.town.id}`)) },
  'GET /api/good-practices': { scoped: true, build: async ({ place }) => (await place.shared('finding', () => recordedFinding(place)), get('/api/good-practices?year=2021')) },
  'GET /api/assigned-tasks': { scoped: true, build: async ({ place }) => (await place.shared('task', () => assignedTask(place)), get(`/api/assigned-tasks?assigningAgencyId=${place.a.townCommittee.id}`)) },
  'GET /api/assigned-tasks/export.xlsx': { scoped: true, build: async ({ place }) => (await place.shared('task', () => assignedTask(place)), get(`/api/assigned-tasks/export.xlsx?assigningAgencyId=${place.a.townCommittee.id}`)) },
  'GET /api/assigned-tasks/import-template.xlsx': { scoped: false, build: async () => get('/api/assigned-tasks/import-template.xlsx') },
  'GET /api/assigned-tasks/{id}': { scoped: true, build: async ({ place }) => get(`/api/assigned-tasks/${(await place.shared('task', () => assignedTask(place))).id}`) },
  'POST /api/assigned-tasks': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: '/api/assigned-tasks', payload: assignedTaskBody(place) }) },
  'PATCH /api/assigned-tasks/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const task = await fresh('task', () => assignedTask(place));
      return { method: 'PATCH', url: `/api/assigned-tasks/${task.id}`, payload: { version: task.version, content: `Nhiệm vụ đã sửa ${next()}` } };
    },
  },
  'POST /api/assigned-tasks/{id}/progress': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const task = await fresh('task', () => assignedTask(place));
      return { method: 'POST', url: `/api/assigned-tasks/${task.id}/progress`, payload: { version: task.version, note: `Tiến độ ${next()}` } };
    },
  },
  'GET /api/agencies/{id}/assigned-tasks': { scoped: true, build: async ({ place }) => (await place.shared('task', () => assignedTask(place)), get(`/api/agencies/${place.a.wardACommittee.id}/assigned-tasks`)) },
  'POST /api/assigned-tasks/imports': {
    scoped: true,
    build: async ({ place }) => (await settleImports(place), { method: 'POST', url: `/api/assigned-tasks/imports?assigningAgencyId=${place.a.townCommittee.id}&dryRun=true`, ...multipart([{ name: 'file', filename: 'nhiem-vu.xlsx', contentType: XLSX, data: await place.shared('tasksWorkbook', () => tasksWorkbook(place)) }]) }),
  },
  'GET /api/assigned-task-imports/{id}': {
    scoped: true,
    // In scope: an import the caller asked for (or, for a role that may not import, the office's); out of scope: another province's.
    build: async ({ place, client, inScope }) => {
      await settleImports(place);
      const req = multipart([{ name: 'file', filename: 'nhiem-vu.xlsx', contentType: XLSX, data: await place.shared('tasksWorkbook', () => tasksWorkbook(place)) }]);
      const url = `/api/assigned-tasks/imports?assigningAgencyId=${place.a.townCommittee.id}&dryRun=true`;
      const res = inScope && client ? await client.request({ method: 'POST', url, ...req }) : null;
      const id = res?.statusCode === 202 ? (res.json() as { id: string }).id : (await expectOk<{ id: string }>(await place.sec.request({ method: 'POST', url, ...req }), 'task import')).id;
      return get(`/api/assigned-task-imports/${id}`);
    },
  },
  'GET /api/self-inspections': { scoped: true, build: async ({ place }) => (await place.shared('selfInspection', () => selfInspectionOf(place)), get(`/api/self-inspections?agencyId=${place.a.wardACommittee.id}`)) },
  'GET /api/self-inspections/overview': { scoped: false, build: async () => get('/api/self-inspections/overview?year=2021') },
  'GET /api/self-inspections/{id}': { scoped: true, build: async ({ place }) => get(`/api/self-inspections/${(await place.shared('selfInspection', () => selfInspectionOf(place))).id}`) },
  'POST /api/self-inspections': { scoped: true, build: async ({ place }) => ({ method: 'POST', url: '/api/self-inspections', payload: selfInspectionBody(place, 1990) }) },
  'PATCH /api/self-inspections/{id}': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const s = await fresh('selfInspection', () => selfInspectionOf(place));
      return { method: 'PATCH', url: `/api/self-inspections/${s.id}`, payload: { version: s.version, scope: `Bộ phận Một cửa ${next()}` } };
    },
  },
  'PUT /api/self-inspections/{id}/results': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const s = await fresh('selfInspection', () => selfInspectionOf(place));
      return { method: 'PUT', url: `/api/self-inspections/${s.id}/results`, payload: { version: s.version, resultsOn: `${s.year}-12-20`, inspectedCount: 3, shortcomingCount: 2, fixedCount: 1, findings: `Phát hiện ${next()}` } };
    },
  },
  'GET /api/reform-areas': { scoped: false, build: async () => get('/api/reform-areas') },
  'GET /api/difficulties': { scoped: true, build: async ({ place }) => (await place.shared('difficulty', () => difficultyOf(place, 'raised')), get(`/api/difficulties?agencyId=${place.a.wardACommittee.id}`)) },
  'GET /api/difficulties/export.xlsx': { scoped: true, build: async ({ place }) => (await place.shared('difficulty', () => difficultyOf(place, 'raised')), get(`/api/difficulties/export.xlsx?agencyId=${place.a.wardACommittee.id}`)) },
  'GET /api/difficulties/{id}': { scoped: true, build: async ({ place }) => get(`/api/difficulties/${(await place.shared('difficulty', () => difficultyOf(place, 'raised'))).id}`) },
  'POST /api/difficulties': {
    scoped: true,
    build: async ({ place }) => ({ method: 'POST', url: '/api/difficulties', payload: { agencyId: place.a.wardACommittee.id, reformAreaId: await reformAreaId(place), title: `Khó khăn ${next()}`, body: 'Đề nghị hướng dẫn.' } }),
  },
  'POST /api/difficulties/{id}/forward': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const d = await fresh('difficultyToForward', () => difficultyOf(place, 'raised'));
      return { method: 'POST', url: `/api/difficulties/${d.id}/forward`, payload: { version: d.version, leaderUserId: place.a.users.leader.id } };
    },
  },
  'POST /api/difficulties/{id}/answer': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const d = await fresh('difficultyToAnswer', () => difficultyOf(place, 'raised'));
      return { method: 'POST', url: `/api/difficulties/${d.id}/answer`, payload: { version: d.version, answer: `Trả lời ${next()}` } };
    },
  },
  'POST /api/difficulties/{id}/close': {
    scoped: true,
    build: async ({ place, fresh }) => {
      const d = await fresh('answeredDifficulty', () => difficultyOf(place, 'answered'));
      return { method: 'POST', url: `/api/difficulties/${d.id}/close`, payload: { version: d.version } };
    },
  },
};

/** Difficulties of ward A's committee (issue 9 §7), made in the database (the place's staff have no unit officer; the API is tested in difficulties.test.ts). */
const reformAreaId = async (p: Place) => (await queryRows<{ id: string }>(p.db, sql`select id from reform_area where code = 'thu_tuc_hanh_chinh'`))[0].id;
async function difficultyOf(p: Place, status: 'raised' | 'answered'): Promise<{ id: string; version: number }> {
  const answered = status === 'answered';
  const [row] = await queryRows<{ id: string; version: number }>(
    p.db,
    sql`insert into difficulty (agency_id, reform_area_id, title, body, raised_on, raised_by_name, status, answer, answered_on, answered_by_name, response_working_days)
        values (${p.a.wardACommittee.id}, ${await reformAreaId(p)}, ${`Khó khăn ${p.a.tag} ${next()}`}, 'Đề nghị hướng dẫn.', '2021-06-01', 'Đầu mối', ${status},
                ${answered ? 'Đã hướng dẫn.' : null}, ${answered ? '2021-06-04' : null}, ${answered ? 'Thường trực' : null}, ${answered ? 3 : null})
        returning id, version`,
  );
  return row;
}

/** Self-inspections of ward A's committee (issue 9 §6): one per unit and year, so each takes its own past year (1990 is the one POST makes). */
let selfInspectionYear = 2021;
const nextSelfInspectionYear = () => --selfInspectionYear;
const selfInspectionBody = (p: Place, year: number) => ({ agencyId: p.a.wardACommittee.id, year, content: `Tự kiểm tra CCHC ${p.a.tag}`, scope: 'Bộ phận Một cửa', startsOn: `${year}-03-01`, endsOn: `${year}-11-30` });
/** Made in the database: the place's staff have no unit officer to record it (the API is tested in self-inspections.test.ts). */
async function selfInspectionOf(p: Place): Promise<{ id: string; version: number; year: number }> {
  const b = selfInspectionBody(p, nextSelfInspectionYear());
  const [row] = await queryRows<{ id: string; version: number; year: number }>(
    p.db,
    sql`insert into self_inspection (agency_id, year, content, scope, starts_on, ends_on) values (${b.agencyId}, ${b.year}, ${b.content}, ${b.scope}, ${b.startsOn}, ${b.endsOn}) returning id, version, year`,
  );
  return row;
}

/** A task of the place's town committee owned by ward A's committee (issue 10 §8). */
const assignedTaskBody = (p: Place) => ({
  assigningAgencyId: p.a.townCommittee.id,
  sourceNumber: `${next()}/TB-UBND`,
  sourceDate: '2021-03-15',
  content: `Rà soát thủ tục hành chính ${p.a.tag} ${next()}`,
  ownerAgencyId: p.a.wardACommittee.id,
  coOwnerAgencyIds: [],
  deadline: '2021-06-30',
});
const assignedTask = async (p: Place) => expectOk<{ id: string; version: number }>(await p.sec.post('/api/assigned-tasks', assignedTaskBody(p)), 'assigned task');
async function tasksWorkbook(p: Place): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ');
  ws.addRow(['Số, ký hiệu văn bản', 'Ngày văn bản', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn']);
  ws.addRow(['15/KL-UBND', '10/05/2021', 'Niêm yết công khai thủ tục hành chính', p.a.wardACommittee.code, '30/06/2021']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Index frameworks of the place's town committee (issue 11). */
const draftFramework = async (p: Place) => expectOk<FrameworkDetail>(await p.sec.post('/api/index-frameworks', frameworkBody(p.a, { code: `MX-${p.a.tag}-${next()}` })), 'framework');
const freshPublished = (p: Place) => publishedFramework(p.sec, p.a, { code: `MXP-${p.a.tag}-${next()}` });
async function scoredFramework(p: Place): Promise<FrameworkDetail> {
  const f = await freshPublished(p);
  await saveFinal(p.sec, f, p.a.wardA.id, 2021, { '1.1': 1, '1.2': 2.5 });
  return f;
}

/** A workbook of scores for ward A (one column): the shape a province publishes. */
async function scoresWorkbook(p: Place, f: FrameworkDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(f.code);
  ws.addRow(['Mã đơn vị', '1.1']);
  ws.addRow([p.a.wardA.code, 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** A criteria workbook: one area, one criterion. */
async function criteriaWorkbookBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  ws.addRow(['Mã', 'Tên tiêu chí', 'Điểm tối đa']);
  ws.addRow(['1', 'Chỉ đạo, điều hành', 2]);
  ws.addRow(['1.1', 'Kế hoạch CCHC', 2]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const feedbackItem = async (p: Place) =>
  expectOk<{ id: string; version: number }>(await p.sec.post('/api/feedback', { unitId: p.a.wardA.id, receivedOn: '2021-03-01', channel: 'portal', subject: `Chậm trả kết quả ${next()}` }), 'feedback');

/** A plan transition on a plan made fresh in the state it needs. */
/** `extra`: more of the body, or a function making it when the request is built (an issue day). */
function transition(action: string, make: (p: Place) => Promise<PlanDetail>, extra: Record<string, unknown> | (() => Record<string, unknown>) = {}): Recipe {
  return {
    scoped: true,
    build: async ({ place, fresh }) => {
      const plan = await fresh('plan', () => make(place));
      return { method: 'POST', url: `/api/plans/${plan.id}/${action}`, payload: { version: plan.version, ...(typeof extra === 'function' ? extra() : extra) } };
    },
  };
}

/** Checklists and findings (issue 10): the §4.3 template of the place's town committee, published. */
const templateBody = (p: Place) => ({ ownerAgencyId: p.a.townCommittee.id, code: `MC-${p.a.tag}-${next()}`, kind: 'one_stop', name: standardOneStopTemplate.name, groups: standardOneStopTemplate.groups, items: standardOneStopTemplate.items.slice(0, 3) });
const templateDraft = async (p: Place) => expectOk<{ id: string; version: number }>(await p.sec.post('/api/checklist-templates', templateBody(p)), 'checklist template');
async function oneStopTemplate(p: Place): Promise<{ id: string; version: number }> {
  const d = await templateDraft(p);
  return expectOk(await p.sec.post(`/api/checklist-templates/${d.id}/publish`, { version: d.version }), 'publish checklist template');
}
/** A started desk review of ward A with the one-stop checklist: its first item. */
async function filledInspection(p: Place): Promise<{ inspectionId: string; itemId: string }> {
  const template = await p.shared('oneStopTemplate', () => oneStopTemplate(p));
  const i = await startedInspection(p);
  const lists = await expectOk<{ items: { items: { id: string }[] }[] }>(await p.sec.post(`/api/inspections/${i.id}/checklists`, { templateId: template.id }), 'checklist');
  return { inspectionId: i.id, itemId: lists.items[0].items[0].id };
}
async function documentEvidence(p: Place): Promise<{ id: string }> {
  const { itemId } = await p.shared('filledInspection', () => filledInspection(p));
  return expectOk(await p.sec.post(`/api/checklist-items/${itemId}/evidence`, { clientId: crypto.randomUUID(), documentTitle: 'Sổ theo dõi hồ sơ' }), 'evidence');
}
const findingBody = () => ({ kind: 'good_practice', contentGroup: 'publicity', title: `Mã QR tra cứu hồ sơ ${next()}`, text: 'Niêm yết mã QR tra cứu tình trạng hồ sơ tại quầy.' });
async function recordedFinding(p: Place): Promise<{ id: string; version: number }> {
  const { inspectionId } = await p.shared('filledInspection', () => filledInspection(p));
  return expectOk(await p.sec.post(`/api/inspections/${inspectionId}/findings`, findingBody()), 'finding');
}

/**
 * An ad hoc request falls due today or later (400 due_in_past) and at the latest next year: the
 * matrix runs on the system clock, so its due days are the 20th (or another day) of next January.
 */
const aheadDueOn = (day = 20) => `${new Date().getUTCFullYear() + 1}-01-${day}`;
/** Reports (issue 9): a one-table template of the place's standing office, an open request to ward A. */
const reportBody = () => ({ items: [{ type: 'table', key: 'figures', title: 'Số liệu', columns: [{ key: 'n', label: 'Số lượng', type: 'integer', total: true }], fixedRows: [{ key: 'a', label: 'Hồ sơ' }] }] });
const draftReportTemplate = async (p: Place) => expectOk<{ id: string; version: number }>(await p.sec.post('/api/report-templates', { ownerAgencyId: p.a.homeAffairs.id, code: `mxd_${next()}`, name: 'Biểu mẫu', kind: 'other', body: reportBody() }), 'report template');
async function reportTemplate(p: Place) {
  const tpl = await draftReportTemplate(p);
  return expectOk<{ id: string; version: number; code: string }>(await p.sec.post(`/api/report-templates/${tpl.id}/publish`, { version: tpl.version }), 'publish template');
}
// A rule names a template code the office has published (400 unknown_template otherwise).
const ruleBody = async (p: Place, code: string) => ({ ownerAgencyId: p.a.homeAffairs.id, code, name: 'Báo cáo quý', templateCode: (await p.shared('reportTemplate', () => reportTemplate(p))).code, fromMonth: 12, fromDay: 15, fromYearOffset: -1, toMonth: 3, toDay: 14, dueMonth: 3, dueDay: 20, opensDaysBeforeDue: 15, remindWorkingDays: 2, escalateAfterWorkingDays: 3, targetAgencyIds: [p.a.wardACommittee.id], active: true });
const reportRule = async (p: Place) => expectOk<{ id: string; version: number }>(await p.sec.post('/api/report-period-rules', await ruleBody(p, `Q${next()}`)), 'report rule');
async function draftReportRequest(p: Place) {
  const tpl = await p.shared('reportTemplate', () => reportTemplate(p));
  return expectOk<{ id: string; version: number }>(await p.sec.post('/api/report-requests', { kind: 'ad_hoc', ownerAgencyId: p.a.homeAffairs.id, templateId: tpl.id, title: 'Báo cáo đột xuất', dueOn: aheadDueOn(), targetAgencyIds: [p.a.wardACommittee.id] }), 'report request');
}
/** An ad hoc request issued to ward A (its letter numbered), as the office sees it. */
async function sentReportRequest(p: Place) {
  const r = await draftReportRequest(p);
  return expectOk<{ id: string; version: number }>(await p.sec.post(`/api/report-requests/${r.id}/issue`, { version: r.version, issuedOn: issueDay(), signature: { position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' } }), 'issue report request');
}
/** A compilation of the open report's request asked by the client when it may, else by the office; run when `done`. */
async function compilationOf(p: Place, client: Client | null | undefined, done: boolean): Promise<string> {
  const r = await p.shared('openReport', () => openReport(p));
  const url = `/api/report-requests/${r.requestId}/compilations`;
  const mine = client ? await client.request({ method: 'POST', url }) : null;
  const id = mine?.statusCode === 202 ? (mine.json() as { id: string }).id : (await expectOk<{ id: string }>(await p.sec.post(url), 'compilation')).id;
  if (done) await p.t.drain({ queues: ['reports.compile'] });
  return id;
}
async function openReport(p: Place): Promise<{ id: string; version: number; requestId: string }> {
  const r = await draftReportRequest(p);
  await expectOk(await p.sec.post(`/api/report-requests/${r.id}/issue`, { version: r.version, issuedOn: issueDay(), signature: { position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' } }), 'issue report request');
  const list = (await p.sec.get(`/api/report-submissions?requestId=${r.id}`)).json() as { items: { id: string; version: number }[] };
  return { ...list.items[0], requestId: r.id };
}
async function submittedReport(p: Place): Promise<{ id: string; version: number }> {
  const sub = await openReport(p);
  const officer = await p.shared('reportOfficer', async () => signIn(p.t.app, (await makeUser(p.db, [{ role: 'unit_officer', agencyId: p.a.wardACommittee.id }], 'Đầu mối báo cáo')).username, TEST_PASSWORD));
  return expectOk<{ id: string; version: number }>(await officer.post(`/api/report-submissions/${sub.id}/submit`, { version: sub.version }), 'submit report');
}
