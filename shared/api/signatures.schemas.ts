import { z } from 'zod';
import { isoDate } from './common.js';

/** The kinds of draft a leader (or the office, under TUQ.) signs to issue. */
export const awaitingSignatureKinds = ['plan', 'team', 'conclusion', 'escalation', 'results_report'] as const;
export type AwaitingSignatureKind = (typeof awaitingSignatureKinds)[number];

/**
 * One draft waiting for the caller's signature (GET /api/awaiting-signature): a plan submitted
 * for approval, a team's founding decision, a conclusion notice, an escalation, a results report.
 */
export const awaitingSignatureItem = z.object({
  kind: z.enum(awaitingSignatureKinds),
  id: z.uuid(),
  /** Where the draft is opened and signed in the web app. */
  path: z.string(),
  /** The People's Committee (or office) in whose name it is signed. */
  issuingAgencyName: z.string(),
  /** The plan's year, or the inspected agency / the team's name. */
  year: z.number().int(),
  subject: z.string().nullable(),
  /** When the draft last changed (date in Asia/Ho_Chi_Minh). */
  updatedOn: isoDate,
});
export type AwaitingSignatureItem = z.infer<typeof awaitingSignatureItem>;

export const awaitingSignatureResponse = z.object({ items: z.array(awaitingSignatureItem), total: z.number().int() });
export type AwaitingSignatureResponse = z.infer<typeof awaitingSignatureResponse>;
