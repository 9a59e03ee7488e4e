import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../db/client.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { actorOf, makeAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { issueNewPlan, type Authority } from '../plans/plans.test-support.js';
import { presentTeams } from './teams.presenter.js';
import { listVisibleTeamsOfSeries } from './teams.repository.js';

let t: TestApp;
let a: Authority;
let sec: Client;
let leader: Client;
beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  [sec, leader] = await Promise.all([signIn(t.app, a.users.secretariat.username, TEST_PASSWORD), signIn(t.app, a.users.leader.username, TEST_PASSWORD)]);
});
afterAll(() => t.close());

/** The database handle, counting the statements started through it. */
function counting(db: DbOrTx) {
  const counter = { statements: 0 };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'select' || prop === 'execute') {
        return (...args: unknown[]) => {
          counter.statements += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy as DbOrTx, counter };
}

describe('team presenter', () => {
  it('uses the same number of queries for one team as for many (no query per team)', async () => {
    const plan = await issueNewPlan(sec, leader, a);
    const actor = await actorOf(t.database.db, a.users.secretariat);
    const member = { fullName: 'Lê Văn Tâm', position: 'Công chức', agencyId: a.wardBDesk.id, role: 'thanh_vien' };
    const statementsFor = async () => {
      const rows = await listVisibleTeamsOfSeries(t.database.db, actor, plan.seriesId);
      const { db, counter } = counting(t.database.db);
      const teams = await presentTeams(db, actor, rows);
      return { teams, statements: counter.statements };
    };
    const addTeam = async () => {
      const team = (await sec.post(`/api/plans/${plan.id}/teams`, { name: 'Đoàn' })).json();
      expect((await sec.put(`/api/teams/${team.id}/members`, { version: team.version, members: [member, member] })).statusCode).toBe(200);
    };
    await addTeam();
    const one = await statementsFor();
    for (let i = 0; i < 4; i++) await addTeam();
    const five = await statementsFor();
    expect(one.teams).toHaveLength(1);
    expect(five.teams).toHaveLength(5);
    expect(five.teams.every((x) => x.warnings.length === 2)).toBe(true);
    expect(five.statements).toBe(one.statements);
    expect(one.statements).toBeGreaterThan(0);
    expect(one.statements).toBeLessThanOrEqual(3);
  });
});
