import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList, NotificationPreferences } from '../../shared/api/notifications.schemas.js';
import { ManualClock } from '../clock.js';
import { appUser, auditEvent, emailOutbox, notification } from '../db/schema/index.js';
import { queryRows } from '../db/client.js';
import { enqueueJob } from '../jobs/enqueue.js';
import { makeAuthority, makeUser, TEST_PASSWORD } from '../test/factories.js';
import { createTestApp, signIn, type Client, type TestApp } from '../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../test/smtp-sink.js';
import { createDraft, type Authority } from '../modules/plans/plans.test-support.js';
import { notify } from './notify.js';
import { usersReaching } from './recipients.js';
import { sendEmailJob } from './send-email.job.js';

const clock = new ManualClock('2021-05-04T08:00:00+07:00');
let smtp: SmtpSink;
let t: TestApp;
let a: Authority;
let sec: Client, leader: Client, leaderEn: Client, admin: Client;
let leaderEnId: string;

const DAY_MS = 24 * 3600_000;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_FROM: 'CCHC Hoài Nhơn <cchc@hoainhon.test>', PAR_PUBLIC_URL: 'https://cchc.hoainhon.test' } });
  a = await makeAuthority(t.database.db);
  const english = await makeUser(t.database.db, [{ role: 'leader', agencyId: a.townCommittee.id }], 'Deputy Chairman');
  leaderEnId = english.id;
  const db = t.database.db;
  await db.update(appUser).set({ email: sql`${appUser.username} || '@hoainhon.test'` }).where(inArray(appUser.id, [a.users.leader.id, a.users.secretariat.id, a.users.inspector.id, english.id]));
  await db.update(appUser).set({ locale: 'en' }).where(eq(appUser.id, english.id));
  [sec, leader, leaderEn, admin] = await Promise.all([
    signIn(t.app, a.users.secretariat.username, TEST_PASSWORD),
    signIn(t.app, a.users.leader.username, TEST_PASSWORD),
    signIn(t.app, english.username, TEST_PASSWORD),
    signIn(t.app, a.users.admin.username, TEST_PASSWORD),
  ]);
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const addressOf = (username: string) => `${username}@hoainhon.test`;
const mailsTo = (username: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === addressOf(username));
const outboxOf = (notificationIds: string[]) => t.database.db.select().from(emailOutbox).where(inArray(emailOutbox.notificationId, notificationIds));

async function submitNewPlan() {
  const plan = await createDraft(sec, a);
  const res = await sec.post(`/api/plans/${plan.id}/submit`, { version: plan.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}
async function notificationsFor(userId: string, planId: string) {
  return t.database.db.select().from(notification).where(and(eq(notification.recipientId, userId), eq(notification.subjectId, planId)));
}

describe('notifications: a plan submitted for approval', () => {
  it('tells every leader who may issue it, in the app and by e-mail in their language, through the real SMTP server', async () => {
    const before = smtp.messages.length;
    const plan = await submitNewPlan();
    const list = (await leader.get('/api/notifications')).json() as NotificationList;
    expect(list.items[0]).toMatchObject({ kind: 'plan.submitted', readAt: null, link: { type: 'inspection_plan', id: plan.id, path: `/plans/${plan.id}` } });
    expect(list.items[0].params).toMatchObject({ year: 2021, actorName: 'Thường trực' });
    expect((await sec.get('/api/notifications')).json().items.filter((n: { link: { id: string } | null }) => n.link?.id === plan.id)).toEqual([]);

    expect(smtp.messages.length).toBe(before); // nothing is sent until the job runs
    const ran = await t.drain();
    expect(ran.filter((j) => j.name === 'notifications.send-email')).toEqual([
      expect.objectContaining({ outcome: 'completed' }),
      expect.objectContaining({ outcome: 'completed' }),
    ]);
    const [vi] = mailsTo(a.users.leader.username);
    expect(vi.subject).toBe('Kế hoạch kiểm tra năm 2021 chờ phê duyệt');
    expect(vi.from?.text).toContain('cchc@hoainhon.test');
    expect(vi.text).toContain('Thường trực đã trình ký kế hoạch');
    expect(vi.text).toContain(`https://cchc.hoainhon.test/plans/${plan.id}`);
    const [en] = smtp.messages.filter((m) => m.subject === 'Inspection plan 2021 awaits your approval');
    expect(en.text).toContain('Thường trực submitted the plan');
    expect(en.headers.get('content-language')).toBe('en');
    const outbox = await outboxOf((await notificationsFor(a.users.leader.id, plan.id)).map((n) => n.id));
    expect(outbox).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, sentAt: clock.now() })]);
  });

  it('returning and approving tell the drafter', async () => {
    const plan = await submitNewPlan();
    const returned = await leader.post(`/api/plans/${plan.id}/return`, { version: plan.version, reason: 'Bổ sung đối tượng kiểm tra' });
    expect(returned.statusCode, returned.body).toBe(200);
    // Answered: the other approver's "awaiting approval" no longer counts as unread.
    const awaiting = async () => (await notificationsFor(leaderEnId, plan.id)).filter((n) => n.kind === 'plan.submitted');
    expect((await awaiting()).map((n) => n.readAt !== null)).toEqual([true]);
    const again = await sec.post(`/api/plans/${plan.id}/submit`, { version: returned.json().version });
    expect((await awaiting()).filter((n) => n.readAt === null)).toHaveLength(1);
    const issued = await leader.post(`/api/plans/${plan.id}/issue`, { version: again.json().version, issuedOn: '2021-05-04' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect((await awaiting()).filter((n) => n.readAt === null)).toHaveLength(0);
    const kinds = (await notificationsFor(a.users.secretariat.id, plan.id)).map((n) => n.kind).sort();
    expect(kinds).toEqual(['plan.approved', 'plan.returned']);
    await t.drain();
    const subjects = mailsTo(a.users.secretariat.username).map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Kế hoạch kiểm tra năm 2021 bị trả lại', 'Kế hoạch kiểm tra năm 2021 đã được phê duyệt']));
    const returnedMail = mailsTo(a.users.secretariat.username).find((m) => m.subject?.includes('trả lại'))!;
    expect(returnedMail.text).toContain('Lý do: Bổ sung đối tượng kiểm tra');
    const approvedMail = mailsTo(a.users.secretariat.username).find((m) => m.subject?.includes('phê duyệt'))!;
    expect(approvedMail.text).toMatch(/\(số \d{2,}\/KH-UBND, ngày 04\/05\/2021\)/);
  });

  it('tells the team members who have accounts that the decision founding their team was issued', async () => {
    const plan = await submitNewPlan();
    const issued = (await leader.post(`/api/plans/${plan.id}/issue`, { version: plan.version, issuedOn: '2021-05-04' })).json();
    const team = (await sec.post(`/api/plans/${issued.id}/teams`, { name: 'Đoàn kiểm tra số 1' })).json();
    const member = { honorific: 'Ông', fullName: 'Nguyễn Văn Hùng', position: 'Chuyên viên', agencyId: a.homeAffairs.id };
    const withMembers = (
      await sec.put(`/api/teams/${team.id}/members`, { version: team.version, members: [{ ...member, role: 'truong_doan', userId: a.users.inspector.id }, { ...member, fullName: 'Trần B', role: 'thu_ky' }] })
    ).json();
    const founded = await leader.post(`/api/teams/${team.id}/found`, { version: withMembers.version, issuedOn: '2021-05-04', signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
    expect(founded.statusCode, founded.body).toBe(200);
    const rows = await t.database.db.select().from(notification).where(eq(notification.subjectId, team.id));
    expect(rows).toEqual([expect.objectContaining({ recipientId: a.users.inspector.id, kind: 'team.decision_issued', path: `/plans/${issued.id}` })]);
    await t.drain();
    const [mail] = mailsTo(a.users.inspector.username);
    expect(mail.subject).toBe('Quyết định thành lập Đoàn kiểm tra số 1');
    expect(mail.text).toContain('Đồng chí là Trưởng đoàn của đoàn.');
  });
});

describe('notifications: who is told', () => {
  it('approvers are exactly the active users whose grants let them issue the plan', async () => {
    const db = t.database.db;
    const [provinceLeader, wardLeader, inactiveLeader, townSecretariat] = await Promise.all([
      makeUser(db, [{ role: 'leader', agencyId: a.provinceCommittee.id }], 'Lãnh đạo tỉnh'),
      makeUser(db, [{ role: 'leader', agencyId: a.wardACommittee.id }], 'Lãnh đạo phường'),
      makeUser(db, [{ role: 'leader', agencyId: a.townCommittee.id }], 'Đã nghỉ'),
      makeUser(db, [{ role: 'secretariat', agencyId: a.townCommittee.id }], 'Thường trực khác'),
    ]);
    await db.update(appUser).set({ active: false }).where(eq(appUser.id, inactiveLeader.id));
    const other = await makeAuthority(db);
    const [town] = await queryRows<{ unit_path: string; path: string }>(db, sql`select unit_path, path from agency where id = ${a.townCommittee.id}`);
    const approvers = await usersReaching(db, 'plan.issue', { unitPath: town.unit_path, agencyPath: town.path });
    expect(approvers.sort()).toEqual([a.users.leader.id, leaderEnId, provinceLeader.id].sort());
    for (const id of [wardLeader.id, inactiveLeader.id, townSecretariat.id, other.users.leader.id]) expect(approvers).not.toContain(id);
  });
});

describe('notifications: delivery', () => {
  it('retries with back-off while the SMTP server is down, and delivers once, when it is back', async () => {
    await smtp.stop();
    const plan = await submitNewPlan();
    const [n] = await notificationsFor(a.users.leader.id, plan.id);
    const first = await t.drain({ queues: ['notifications.send-email'] });
    expect(first.map((j) => j.outcome)).toEqual(['retry', 'retry']);
    let [row] = await outboxOf([n.id]);
    expect(row).toMatchObject({ status: 'retrying', attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row.errorCode).toBe('unreachable');
    // Waiting out a back-off is the queue's business: nothing is due right away.
    expect(await t.drain({ queues: ['notifications.send-email'] })).toEqual([]);
    const second = await t.drain({ queues: ['notifications.send-email'], advanceMs: DAY_MS });
    expect(second.map((j) => j.outcome)).toEqual(['retry', 'retry']);
    expect((await outboxOf([n.id]))[0]).toMatchObject({ status: 'retrying', attempts: 2 });

    await smtp.start();
    const before = mailsTo(a.users.leader.username).length;
    clock.advance(DAY_MS);
    const third = await t.drain({ queues: ['notifications.send-email'], advanceMs: DAY_MS });
    expect(third.map((j) => j.outcome)).toEqual(['completed', 'completed']);
    [row] = await outboxOf([n.id]);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null, sentAt: clock.now() });
    expect(mailsTo(a.users.leader.username).length).toBe(before + 1);
    expect(mailsTo(a.users.leader.username).at(-1)!.messageId).toBe(row.messageId);

    // Never twice: the job run again (an admin's retry, a duplicate) finds the row sent.
    await t.database.db.transaction((tx) => enqueueJob(tx, sendEmailJob, { outboxId: row.id }, { scope: { userId: a.users.leader.id } }));
    const again = await t.drain({ queues: ['notifications.send-email'], advanceMs: DAY_MS });
    expect(again).toEqual([expect.objectContaining({ outcome: 'completed' })]);
    expect(mailsTo(a.users.leader.username).length).toBe(before + 1);
  });

  it('does not retry an address the server refuses for good (550), and says why in a code the admin page translates', async () => {
    smtp.refused.add(addressOf(a.users.leader.username));
    try {
      const plan = await submitNewPlan();
      const [n] = await notificationsFor(a.users.leader.id, plan.id);
      await t.drain({ queues: ['notifications.send-email'] });
      const [row] = await outboxOf([n.id]);
      expect(row).toMatchObject({ status: 'failed', errorCode: 'rejected', attempts: 1, sentAt: null });
      expect(row.lastError).toMatch(/550|mailbox unavailable/);
      // Nothing left to try, however long one waits.
      expect(await t.drain({ queues: ['notifications.send-email'], advanceMs: 2 * DAY_MS })).toEqual([]);
      const status = (await admin.get('/api/admin/mail?status=failed')).json();
      expect(status.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: row.id, errorCode: 'rejected' })]));
    } finally {
      smtp.refused.clear();
    }
  });

  it('sends to the address the recipient has when it is sent, and ends the e-mail of one who has none any more', async () => {
    const plan = await submitNewPlan();
    const [n] = await notificationsFor(a.users.leader.id, plan.id);
    const [en] = await notificationsFor(leaderEnId, plan.id);
    const moved = `moved-${a.tag}@hoainhon.test`;
    await t.database.db.update(appUser).set({ email: moved }).where(eq(appUser.id, a.users.leader.id));
    await t.database.db.update(appUser).set({ email: null }).where(eq(appUser.id, leaderEnId));
    try {
      await t.drain({ queues: ['notifications.send-email'] });
      const [row] = await outboxOf([n.id]);
      expect(row).toMatchObject({ status: 'sent', toAddress: moved });
      expect(smtp.messages.some((m) => m.messageId === row.messageId && !Array.isArray(m.to) && m.to?.value[0].address === moved)).toBe(true);
      const [gone] = await outboxOf([en.id]);
      expect(gone).toMatchObject({ status: 'failed', errorCode: 'no_address', sentAt: null });
    } finally {
      await t.database.db.update(appUser).set({ email: addressOf(a.users.leader.username) }).where(eq(appUser.id, a.users.leader.id));
      await t.database.db.update(appUser).set({ email: sql`${appUser.username} || '@hoainhon.test'` }).where(eq(appUser.id, leaderEnId));
    }
  });

  it('after its last attempt shows the e-mail as failed to the admin, who retries it once the server is back', async () => {
    await t.drain(); // nothing of earlier tests left waiting
    await smtp.stop();
    const system = { actor: null, ip: null, requestId: null };
    const { notifications } = await t.database.db.transaction((tx) =>
      notify(tx, system, { kind: 'general', recipients: [a.users.leader.id], params: { title: 'Họp giao ban', message: 'Thứ Hai, 8 giờ.' }, link: null }),
    );
    const outcomes: string[] = [];
    for (let i = 0; i <= sendEmailJob.retry.limit; i++) outcomes.push(...(await t.drain({ queues: ['notifications.send-email'], advanceMs: 2 * DAY_MS })).map((j) => j.outcome));
    expect(outcomes).toEqual([...Array(sendEmailJob.retry.limit).fill('retry'), 'failed']);
    const [row] = await outboxOf([notifications[0].id]);
    expect(row).toMatchObject({ status: 'failed', attempts: sendEmailJob.retry.limit + 1 });

    const failed = (await admin.get('/api/admin/jobs/failed?queue=notifications.send-email')).json();
    const job = failed.items.find((j: { payload: { outboxId: string } }) => j.payload.outboxId === row.id);
    expect(job).toMatchObject({ scope: 'user', attempts: sendEmailJob.retry.limit + 1 });
    expect(job.error).toMatch(/ECONNREFUSED|connect/i);
    const mail = (await admin.get('/api/admin/mail?status=failed')).json();
    expect(mail.items.map((m: { id: string }) => m.id)).toContain(row.id);

    await smtp.start();
    expect((await admin.post(`/api/admin/jobs/notifications.send-email/${job.id}/retry`)).statusCode).toBe(200);
    expect((await t.drain({ queues: ['notifications.send-email'] })).map((j) => j.outcome)).toEqual(['completed']);
    expect((await outboxOf([notifications[0].id]))[0]).toMatchObject({ status: 'sent' });
    expect(smtp.messages.filter((m) => m.subject === 'Họp giao ban')).toHaveLength(1);
  });

  it('leaves a row being sent by a live attempt to it, and takes over a claim that went stale', async () => {
    await t.drain();
    const system = { actor: null, ip: null, requestId: null };
    const { notifications } = await t.database.db.transaction((tx) =>
      notify(tx, system, { kind: 'general', recipients: [a.users.leader.id], params: { title: 'Lịch tiếp công dân', message: 'Thứ Năm.' }, link: null }),
    );
    const [row] = await outboxOf([notifications[0].id]);
    // Another worker claimed it a minute ago (it is sending right now).
    await t.database.db.update(emailOutbox).set({ status: 'sending', claimedAt: new Date(clock.now().getTime() - 60_000), attempts: 1 }).where(eq(emailOutbox.id, row.id));
    const busy = await t.drain({ queues: ['notifications.send-email'] });
    expect(busy).toEqual([expect.objectContaining({ outcome: 'retry', error: expect.stringMatching(/another attempt/) })]);
    expect(smtp.messages.filter((m) => m.subject === 'Lịch tiếp công dân')).toHaveLength(0);
    // That worker died: after 15 minutes its claim is stale and the retry sends the e-mail, once.
    clock.advance(16 * 60_000);
    const taken = await t.drain({ queues: ['notifications.send-email'], advanceMs: DAY_MS });
    expect(taken.map((j) => j.outcome)).toEqual(['completed']);
    expect((await outboxOf([notifications[0].id]))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.messages.filter((m) => m.subject === 'Lịch tiếp công dân')).toHaveLength(1);
  });

  it('stores and sends nothing for a transaction that rolled back', async () => {
    const before = smtp.messages.length;
    const system = { actor: null, ip: null, requestId: null };
    const marker = `rolled-back ${crypto.randomUUID()}`;
    await expect(
      t.database.db.transaction(async (tx) => {
        const result = await notify(tx, system, { kind: 'general', recipients: [a.users.leader.id], params: { title: marker, message: 'x' }, link: null });
        expect(result.emails).toBe(1);
        throw new Error('the change failed after notifying');
      }),
    ).rejects.toThrow('the change failed');
    const stored = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notification where params->>'title' = ${marker}`);
    expect(stored[0].n).toBe(0);
    expect(await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.subject, marker))).toEqual([]);
    expect(await t.drain()).toEqual([]);
    expect(smtp.messages.length).toBe(before);
  });
});

describe('notifications: each person sees only their own', () => {
  it('lists, counts and marks only the caller’s notifications; another’s is not found', async () => {
    const plan = await submitNewPlan();
    const [mine] = await notificationsFor(a.users.leader.id, plan.id);
    const [theirs] = await notificationsFor(leaderEnId, plan.id);
    const countOf = async (c: Client) => (await c.get('/api/notifications/unread-count')).json().unread as number;
    const enBefore = await countOf(leaderEn);

    for (const other of [sec, admin, leader]) {
      const res = await other.post(`/api/notifications/${theirs.id}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
      expect(((await other.get('/api/notifications?pageSize=100')).json() as NotificationList).items.map((n) => n.id)).not.toContain(theirs.id);
    }
    expect((await leader.post('/api/notifications/read-all')).statusCode).toBe(200);
    expect(await countOf(leader)).toBe(0);
    expect(await countOf(leaderEn)).toBe(enBefore);
    const [still] = await t.database.db.select().from(notification).where(eq(notification.id, theirs.id));
    expect(still.readAt).toBeNull();

    const unreadEn = (await leaderEn.get('/api/notifications?unread=true&pageSize=100')).json() as NotificationList;
    expect(unreadEn.items.map((n) => n.id)).toContain(theirs.id);
    expect(unreadEn.unread).toBe(enBefore);
    const marked = await leaderEn.post(`/api/notifications/${theirs.id}/read`);
    expect(marked.statusCode).toBe(200);
    expect(marked.json().readAt).not.toBeNull();
    expect(await countOf(leaderEn)).toBe(enBefore - 1);
    expect((await leader.get(`/api/notifications?unread=true`)).json().items).toEqual([]);
    expect(mine.recipientId).toBe(a.users.leader.id);
  });

  it('answers 400 for a malformed id and 401 without a session', async () => {
    expect((await leader.post('/api/notifications/not-a-uuid/read')).json().code).toBe('VALIDATION_FAILED');
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('notifications: e-mail preferences', () => {
  it('turns e-mail off per kind (the bell still rings), audited; the language chooses the e-mail’s', async () => {
    const prefs = (await leader.get('/api/me/notification-preferences')).json() as NotificationPreferences;
    expect(prefs).toMatchObject({ email: addressOf(a.users.leader.username), language: 'vi', mailEnabled: true });
    expect(prefs.kinds.every((k) => k.email)).toBe(true);

    const put = await leader.put('/api/me/notification-preferences', { kinds: [{ kind: 'plan.submitted', email: false }] });
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as NotificationPreferences).kinds.find((k) => k.kind === 'plan.submitted')!.email).toBe(false);
    const [audit] = await t.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'user.notification_preferences_updated'), eq(auditEvent.entityId, a.users.leader.id)));
    expect(audit.after).toMatchObject({ email: { 'plan.submitted': false } });

    await t.drain(); // what earlier tests left in the queue
    const before = mailsTo(a.users.leader.username).length;
    const plan = await submitNewPlan();
    const mine = await notificationsFor(a.users.leader.id, plan.id);
    expect(mine).toHaveLength(1);
    expect(await outboxOf(mine.map((n) => n.id))).toEqual([]);
    await t.drain();
    expect(mailsTo(a.users.leader.username).length).toBe(before);

    // Back on, in English.
    await leader.put('/api/me/notification-preferences', { language: 'en', kinds: [{ kind: 'plan.submitted', email: true }] });
    await submitNewPlan();
    await t.drain();
    expect(mailsTo(a.users.leader.username).at(-1)!.subject).toBe('Inspection plan 2021 awaits your approval');
    await leader.put('/api/me/notification-preferences', { language: 'vi' });
  });

  it('refuses an unknown kind with 400 naming the field', async () => {
    const res = await leader.put('/api/me/notification-preferences', { kinds: [{ kind: 'plan.exploded', email: false }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0].name).toMatch(/^body\.kinds\.0\.kind/);
  });
});

describe('notifications: the admin’s view of e-mail', () => {
  it('shows the outbox of the users the admin manages, and that e-mail is on', async () => {
    const res = await admin.get('/api/admin/mail');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ enabled: true, from: 'CCHC Hoài Nhơn <cchc@hoainhon.test>' });
    expect(body.counts.sent).toBeGreaterThan(0);
    expect(body.items[0]).toHaveProperty('toAddress');
    expect((await admin.get('/api/admin/jobs')).json().mail).toEqual({ enabled: true, from: 'CCHC Hoài Nhơn <cchc@hoainhon.test>' });
    expect((await leader.get('/api/admin/mail')).statusCode).toBe(403);
  });

  it('without SMTP_URL and MAIL_FROM: e-mail is off, rows are kept as disabled and never sent', async () => {
    const off = await createTestApp({ clock });
    try {
      const b = await makeAuthority(off.database.db);
      await off.database.db.update(appUser).set({ email: 'lanhdao@hoainhon.test' }).where(eq(appUser.id, b.users.leader.id));
      const [bSec, bAdmin] = await Promise.all([signIn(off.app, b.users.secretariat.username, TEST_PASSWORD), signIn(off.app, b.users.admin.username, TEST_PASSWORD)]);
      const plan = (await bSec.post('/api/plans', { issuingAgencyId: b.townCommittee.id, year: 2021, periodFrom: '2021-05', periodTo: '2021-12', targetAgencyIds: [b.wardACommittee.id], content: (await import('../db/seed/demo-plans.js')).seedPlanContent().content })).json();
      expect((await bSec.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).statusCode).toBe(200);
      const ran = await off.drain();
      expect(ran).toEqual([expect.objectContaining({ name: 'notifications.send-email', outcome: 'completed' })]);
      const mail = (await bAdmin.get('/api/admin/mail')).json();
      expect(mail).toMatchObject({ enabled: false, from: null, counts: { disabled: 1, sent: 0 } });
      expect((await bAdmin.get('/api/admin/jobs')).json().mail.enabled).toBe(false);
      const bLeader = await signIn(off.app, b.users.leader.username, TEST_PASSWORD);
      expect((await bLeader.get('/api/me/notification-preferences')).json().mailEnabled).toBe(false);
      expect((await bLeader.get('/api/notifications/unread-count')).json().unread).toBe(1);
    } finally {
      await off.close();
    }
  });
});
