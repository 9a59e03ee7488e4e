import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take minutes, longest first. Measured in a full run on 2 cores shared with other
 * jobs (load 15–20; 30 Nov 2026, server files in shared workers): matrix 183 s, unannounced
 * secrecy 127 s, lock 103 s, backup 100 s, fuzz 71 s, crash 67 s; the next file took 23 s. Without
 * a results cache (a fresh CI checkout) vitest starts the larger files first, and the fuzzer's file
 * is small: it started last and ran alone for its final minutes while the other worker idled.
 */
const SLOW_FIRST = [
  'server/authz/matrix.test.ts',
  'server/modules/inspections/unannounced-secrecy.test.ts',
  'server/db/lock.test.ts',
  'server/db/backup.test.ts',
  'server/http/fuzz.test.ts',
  'server/db/crash.test.ts',
];

/**
 * Vitest's order (failed first, then longest by the results cache, else largest), with the known
 * slow files ahead of it, and the files of the shared workers (project `shared-worker`, `isolate:
 * false`) before the isolated ones: a worker is kept for the next file only when that file is of
 * the same project, so the shared files go in one run, not interleaved with the isolated ones.
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = SLOW_FIRST.indexOf(path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join('/'));
      return i === -1 ? SLOW_FIRST.length : i;
    };
    const isolated = (spec: TestSpecification) => (spec.project.config.isolate === false ? 0 : 1);
    return sorted
      .map((spec, i) => ({ spec, i, s: isolated(spec), r: rank(spec) }))
      .sort((a, b) => a.s - b.s || a.r - b.r || a.i - b.i)
      .map((x) => x.spec);
  }
}
