import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';

/**
 * Group b) of the content checklist ("tasks assigned by the committee and the Chairman") lists
 * the inspected agency's tasks from the register of assigned tasks (issue 10 §8), one item each,
 * so the team checks every one. The register lives in its own module, which registers a source
 * here at load time; without one, group b keeps only the template's own items.
 */
export interface AssignedTaskForChecklist {
  id: string;
  /** "Số 123/UBND-NV ngày 05/3/2021 — Rà soát thủ tục hành chính …" */
  text: string;
  /** Source document, deadline and status as one line of guidance. */
  guidance: string | null;
}

/** What a source is asked: the inspected agency, the plan's year, today, and who adds the checklist (the register's visibility applies). */
export interface AssignedTaskQuery {
  agencyId: string;
  year: number;
  asOf: string;
  actor: Actor;
}

export type AssignedTaskSource = (db: DbOrTx, input: AssignedTaskQuery) => Promise<AssignedTaskForChecklist[]>;

let source: AssignedTaskSource | null = null;

/** Called once by the assigned-tasks module at import time (like registerRecordAccess). */
export function registerAssignedTaskSource(fn: AssignedTaskSource): void {
  source = fn;
}

/** The inspected agency's tasks to check, or none while no register is installed. */
export async function assignedTasksFor(db: DbOrTx, input: AssignedTaskQuery): Promise<AssignedTaskForChecklist[]> {
  return source ? source(db, input) : [];
}
