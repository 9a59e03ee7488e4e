import type { z } from 'zod';
import type {
  blockSchema,
  planContentSchema,
  planDetailSchema,
  planFromPreviousResponse,
  planSummarySchema,
  signatureSchema,
  updatePlanBody,
} from '../../../../shared/api/plans.schemas.js';
import type { teamMemberSchema, teamSchema, teamWarningSchema } from '../../../../shared/api/teams.schemas.js';
import { planStatuses, type PlanStatus } from '../../../../shared/domain/plan-status.js';

// Types only: importing the schemas' values would put zod into the browser bundle.
export type PlanBlock = z.infer<typeof blockSchema>;
export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanSignature = z.infer<typeof signatureSchema>;
export type PlanSummary = z.infer<typeof planSummarySchema>;
export type PlanDetail = z.infer<typeof planDetailSchema>;
/** The draft made from last year's plan, with the targets that were not copied. */
export type PlanFromPrevious = z.infer<typeof planFromPreviousResponse>;
export type DroppedTarget = PlanFromPrevious['droppedTargets'][number];
export type UpdatePlanBody = z.input<typeof updatePlanBody>;
export type Team = z.infer<typeof teamSchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type TeamWarning = z.infer<typeof teamWarningSchema>;
export type TeamMemberRole = TeamMember['role'];
export type { PlanStatus };

/** The sections of a plan that are lists of blocks, in the order they print. */
export const blockSections = [
  'introduction',
  'purposes',
  'requirements',
  'contents',
  'formsThroughReports',
  'formsDirectAnnounced',
  'formsUnannounced',
  'formsReinspection',
  'targetsDescription',
  'focus',
  'standingOfficeDuties',
  'unitDuties',
  'closing',
] as const satisfies readonly (keyof PlanContent)[];
export type BlockSection = (typeof blockSections)[number];

/** Pure domain code (no zod): safe to import into the browser. */
export const planStatusList = planStatuses;
// A runtime copy of a list in a zod module (see labels.ts for why); `satisfies` keeps it correct.
export const teamMemberRoleList = ['truong_doan', 'pho_truong_doan', 'thanh_vien', 'thu_ky'] as const satisfies readonly TeamMemberRole[];

type Exhaustive<List extends readonly string[], Union extends string> = [Union] extends [List[number]] ? true : never;
const rolesComplete: Exhaustive<typeof teamMemberRoleList, TeamMemberRole> = true;
void rolesComplete;
