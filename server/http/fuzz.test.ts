import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../test/harness.js';
import { makeAuthority, TEST_PASSWORD } from '../test/factories.js';
import { MUTATIONS, runFuzz, summarize, type FuzzClient } from '../test/fuzz/openapi-fuzzer.js';

/**
 * The short, fixed-seed run of the OpenAPI fuzzer (issue 12 §3): one pass of every mutation
 * kind over every documented operation, as an admin, the standing office, a unit officer and
 * nobody. The long run (≥ 50,000 requests) is `npm run fuzz`.
 */

const SEED = 20261129;
let t: TestApp;
let authority: Awaited<ReturnType<typeof makeAuthority>>;
beforeAll(async () => {
  // Its own database: it compares whole-database counts, which other test files change on a shared server.
  t = await createTestApp({ privateDatabase: true });
  authority = await makeAuthority(t.database.db);
});
afterAll(() => t.close());

/** A signed-in client (before the run: a sign-in writes an audit event) that signs in again when its session ends. */
async function asFuzzClient(name: string, username: string): Promise<FuzzClient> {
  let client: Client = await signIn(t.app, username, TEST_PASSWORD);
  return {
    name,
    request: (req) => client.request(req),
    async renew() {
      client = await signIn(t.app, username, TEST_PASSWORD).catch(() => client);
    },
  };
}

describe('OpenAPI fuzzer (fixed seed)', () => {
  it('answers every malformed request within the contract and writes nothing for a refused one', async () => {
    const clients: FuzzClient[] = [
      await asFuzzClient('admin', authority.users.admin.username),
      await asFuzzClient('secretariat', authority.users.secretariat.username),
      await asFuzzClient('unit officer', authority.users.unitOfficerA.username),
      { name: 'anonymous', request: (req) => t.app.inject({ ...req, method: req.method as 'GET' }) },
    ];
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, object> };
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    const report = await runFuzz({
      app: t.app,
      db: t.database.db,
      seed: SEED,
      requests: operations * MUTATIONS.length,
      clients,
      known: {
        units: [authority.town.id, authority.wardA.id, authority.wardB.id],
        agencies: [authority.townCommittee.id, authority.homeAffairs.id, authority.wardACommittee.id, authority.wardBDesk.id],
        users: Object.values(authority.users).map((u) => u.id),
      },
    });
    expect(report.operations).toBe(operations);
    expect(report.requests).toBe(operations * MUTATIONS.length);
    // Most requests are refused, but not all: valid ones reach the handlers too.
    expect(Object.keys(report.byStatus).map(Number).some((s) => s < 300)).toBe(true);
    expect(summarize(report.failures), `seed ${SEED}: ${report.failures.length} failures`).toEqual({});
  }, 300_000);
});
