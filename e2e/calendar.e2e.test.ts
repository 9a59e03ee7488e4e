import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJourney, type Journey } from './harness.js';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

describe('calendar journey', () => {
  it('shows 2021 with Tết 10–16/2 and National Day 2–3/9, and computes a deadline', async () => {
    await j.signIn('inspector');
    await j.page.goto('/calendar/2021');
    await expect.poll(() => j.page.getByText('2021').first().isVisible(), { timeout: 10_000 }).toBe(true);
    const body = await j.page.locator('body').innerText();
    for (const d of ['10/02/2021', '16/02/2021', '02/09/2021', '03/09/2021']) expect(body).toContain(d);
    await j.screenshot('calendar-2021');
  });
});
