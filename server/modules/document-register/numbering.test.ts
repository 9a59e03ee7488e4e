import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentRegisterEntry } from '../../db/schema/index.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeAgency, makeAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createDraft } from '../plans/plans.test-support.js';
import { registerDocument } from './document-register.js';
import { itOnPostgres } from '../../test/postgres-only.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SYSTEM = { actor: null, ip: null, requestId: null } as const;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

async function numbersOf(agencyId: string, year: number) {
  const rows = await t.database.db
    .select({ number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol })
    .from(documentRegisterEntry)
    .where(and(eq(documentRegisterEntry.agencyId, agencyId), eq(documentRegisterEntry.year, year)));
  return rows.sort((x, y) => x.number - y.number);
}

describe('document numbering (Decree 30: per agency, per year, from 01)', () => {
  itOnPostgres('gives concurrent issues distinct numbers with no gap, even when some roll back', async () => {
    const a = await makeAuthority(t.database.db);
    const types = ['ke_hoach', 'quyet_dinh', 'thong_bao', 'bao_cao'] as const;
    const results = await Promise.allSettled(
      range(40).map((i) =>
        t.database.db.transaction(async (tx) => {
          const entry = await registerDocument(tx, SYSTEM, {
            agencyId: a.townCommittee.id,
            typeCode: types[i % types.length],
            summary: `Văn bản ${i}`,
            issuedOn: '2021-06-01',
            signerName: 'Phạm Trương',
            signerPosition: 'CHỦ TỊCH',
          });
          // Every seventh issue fails after taking its number: the number must come back.
          if (i % 7 === 0) throw new Error('rolled back');
          return entry.number;
        }),
      ),
    );
    const committed = results.filter((r) => r.status === 'fulfilled');
    expect(committed).toHaveLength(40 - 5);
    const rows = await numbersOf(a.townCommittee.id, 2021);
    expect(rows.map((r) => r.number)).toEqual(range(35));
    // One sequence shared by the types; the symbol carries the type.
    expect(new Set(rows.map((r) => r.symbol))).toEqual(new Set(['KH-UBND', 'QĐ-UBND', 'TB-UBND', 'BC-UBND']));
  });

  it('numbers each agency and each year from 01', async () => {
    const a = await makeAuthority(t.database.db);
    const issue = (agencyId: string, issuedOn: string) =>
      t.database.db.transaction((tx) => registerDocument(tx, SYSTEM, { agencyId, typeCode: 'thong_bao', summary: 'Thông báo', issuedOn, signerName: 'X', signerPosition: 'TRƯỞNG PHÒNG' }));
    const first = await issue(a.homeAffairs.id, '2021-03-01');
    await issue(a.homeAffairs.id, '2021-04-01');
    const nextYear = await issue(a.homeAffairs.id, '2022-01-03');
    const otherAgency = await issue(a.townCommittee.id, '2021-03-01');
    expect([first.number, nextYear.number, otherAgency.number]).toEqual([1, 1, 1]);
    expect(first.symbol).toBe('TB-NV');
  });

  it('refuses an agency without a document abbreviation (409), and a công văn takes the drafting unit', async () => {
    const a = await makeAuthority(t.database.db);
    const bare = await makeAgency(t.database.db, { unitId: a.town.id, name: 'Không viết tắt', kind: 'office' });
    await expect(
      t.database.db.transaction((tx) => registerDocument(tx, SYSTEM, { agencyId: bare.id, typeCode: 'thong_bao', summary: 'x', issuedOn: '2021-01-05', signerName: 'X', signerPosition: 'Y' })),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const letter = await t.database.db.transaction((tx) =>
      registerDocument(tx, SYSTEM, { agencyId: a.townCommittee.id, typeCode: 'cong_van', draftingUnitAbbreviation: 'NV', summary: 'V/v', issuedOn: '2021-01-05', signerName: 'X', signerPosition: 'Y' }),
    );
    expect(letter.symbol).toBe('UBND-NV');
  });

  itOnPostgres('issues plans concurrently over HTTP without a duplicate number', async () => {
    const a = await makeAuthority(t.database.db);
    const sec = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
    const leader = await signIn(t.app, a.users.leader.username, TEST_PASSWORD);
    const submitted = [];
    for (let i = 0; i < 8; i++) {
      const plan = await createDraft(sec, a);
      submitted.push((await sec.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json());
    }
    const issued = await Promise.all(submitted.map((p) => leader.post(`/api/plans/${p.id}/issue`, { version: p.version, issuedOn: '2021-05-05' })));
    expect(issued.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(issued.map((r) => r.json().number).sort((x, y) => x - y)).toEqual(range(8));
  });

  it('lists the register and registers an outside document over HTTP', async () => {
    const a = await makeAuthority(t.database.db);
    const sec = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
    const res = await sec.post('/api/document-register', { agencyId: a.homeAffairs.id, typeCode: 'thong_bao', summary: 'Thông báo lịch kiểm tra', issuedOn: '2021-06-10', signerName: 'Trần Thị Thu Hà', signerPosition: 'TRƯỞNG PHÒNG' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().documentNumber).toBe('01/TB-NV');
    const list = await sec.get(`/api/document-register?agencyId=${a.homeAffairs.id}&year=2021`);
    expect(list.json().items.map((e: { documentNumber: string }) => e.documentNumber)).toEqual(['01/TB-NV']);
    const other = await makeAuthority(t.database.db);
    const outsider = await signIn(t.app, other.users.secretariat.username, TEST_PASSWORD);
    expect((await outsider.get(`/api/document-register?agencyId=${a.homeAffairs.id}&year=2021`)).statusCode).toBe(404);
  });
});
