/**
 * The demo's documents numbered in the order of their dates, as an office numbers them: the
 * register refuses a date before its last entry's (docs/decisions/document-numbering.md, "numbers
 * follow dates"). The seed builds the 2021 season module by module — notices, then the visits'
 * checklists, then their minutes, then the escalation — but the notices, the minutes and the
 * escalation all go in the standing office's register, their dates interleaved (the notice of
 * 16/8 comes after the minutes of June and July). So those modules queue their issuing here and
 * seedDemo runs the queue once they all have, day by day; documents of one day keep the order
 * they were queued in.
 */
export class IssuesInDateOrder {
  private readonly steps: { on: string; seq: number; issue: () => Promise<void> }[] = [];

  /** Queues the issuing of a document dated `on` (yyyy-mm-dd). */
  add(on: string, issue: () => Promise<void>): void {
    this.steps.push({ on, seq: this.steps.length, issue });
  }

  /** Issues every queued document, the earliest dated first; the queue is empty afterwards. */
  async run(): Promise<void> {
    const steps = this.steps.splice(0).sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : x.seq - y.seq));
    for (const step of steps) await step.issue();
  }
}
