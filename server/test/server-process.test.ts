import { describe, expect, it } from 'vitest';
import { startNodeArgs } from './server-process.js';

describe("npm start's node flags", () => {
  it('caps the old space below 2 GiB, where V8 stops letting the heap grow to four times what is live (docs/decisions/heap-limit.md)', () => {
    const flag = startNodeArgs().find((a) => a.startsWith('--max-old-space-size='));
    expect(flag, 'package.json start: node --max-old-space-size=… dist/server/main.js').toBeDefined();
    const mib = Number(flag!.split('=')[1]);
    // ≥ 1 GiB: the 12,000-row registry import and the largest exports need more than 160 MiB.
    expect(mib).toBeGreaterThanOrEqual(1024);
    expect(mib).toBeLessThan(2048);
  });
});
