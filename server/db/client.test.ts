import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { openPglite, queryRows } from './client.js';
import { TEMPLATE_PATH } from '../test/global-setup.js';

/** A PGlite data directory made from the migrated test template (no initdb). */
function dataDir(): string {
  fs.mkdirSync(path.resolve('tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.resolve('tmp', 'client-'));
  fs.mkdirSync(path.join(dir, 'pglite'));
  const tar = spawnSync('tar', ['-xf', TEMPLATE_PATH, '-C', path.join(dir, 'pglite')]);
  if (tar.status !== 0) throw new Error(tar.stderr.toString());
  return dir;
}
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the embedded database', () => {
  it('runs with 32 MB of shared buffers unless PAR_PGLITE_SHARED_BUFFERS_MB says otherwise (PGlite reserves 128 MB of its own)', async () => {
    expect(loadConfig({}).database).toMatchObject({ kind: 'pglite', sharedBuffersMb: 32 });
    expect(loadConfig({ PAR_PGLITE_SHARED_BUFFERS_MB: '64' }).database).toMatchObject({ sharedBuffersMb: 64 });
    expect(() => loadConfig({ PAR_PGLITE_SHARED_BUFFERS_MB: '0' })).toThrow(/PAR_PGLITE_SHARED_BUFFERS_MB/);
    for (const [option, expected] of [[undefined, '32MB'], [16, '16MB']] as const) {
      const dir = dataDir();
      dirs.push(dir);
      const database = await openPglite(dir, undefined, { sharedBuffersMb: option });
      try {
        const [row] = await queryRows<{ shared_buffers: string }>(database.db, sql`show shared_buffers`);
        expect(row.shared_buffers).toBe(expected);
      } finally {
        await database.close();
      }
    }
  });
});
