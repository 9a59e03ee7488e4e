/**
 * Who may do what: one table from role to capability, read by the server's policies and by the
 * web app alike (docs/decisions/authorization.md). A role is granted on an agency; each cell says
 * how far that grant reaches for the capability:
 *
 *  - `scope`: the grant's scope. For every role but the unit officer, the granted agency's unit
 *    and every unit below it, with all their agencies. A unit officer granted on a People's
 *    Committee works for its whole unit (a ward); granted on any other agency, that agency and
 *    its sub-agencies only.
 *  - `authority`: records of the grant's own authority only: the People's Committee of the
 *    granted agency's unit and its offices, never those of the units below (a province's
 *    standing office does not draft a commune's plan). Records are placed by the agency that
 *    owns them (a plan by its issuing agency).
 *  - `own_agency`: the granted agency itself.
 *  - `installation`: everything, for a grant on an agency of a root unit (the top of the tree);
 *    nothing for any other grant. Used for what is national by nature (the official calendar).
 *
 * A capability absent from a role's column is refused to that role everywhere. Later modules add
 * their rows here; the server reads them through server/authz, the web app through
 * `GET /api/session` (`capabilities`) and each record's `abilities`.
 */

export const roleNames = ['admin', 'leader', 'secretariat', 'inspector', 'unit_officer'] as const;
export type RoleName = (typeof roleNames)[number];

export const reaches = ['scope', 'authority', 'own_agency', 'installation'] as const;
export type Reach = (typeof reaches)[number];

type Row = Partial<Record<RoleName, Reach>>;
const everyone: Row = { admin: 'scope', leader: 'scope', secretariat: 'scope', inspector: 'scope', unit_officer: 'scope' };
const registryEditors: Row = { admin: 'scope', secretariat: 'scope' };

export const capabilityTable = {
  /** Read units and agencies (and export them). */
  'registry.read': everyone,
  /** Create a unit under a parent in reach. */
  'unit.create': registryEditors,
  'unit.update': registryEditors,
  'unit.deactivate': registryEditors,
  /** Record that a unit was merged into, split into or renamed to another. */
  'unit.record_succession': registryEditors,
  /** Create an agency in a unit in reach. */
  'agency.create': registryEditors,
  /** Change every field of an agency. */
  'agency.update': registryEditors,
  /** Change only the contact fields (`agencyContactFields`) of an agency: a unit officer's own. */
  'agency.update_contacts': { unit_officer: 'own_agency' },
  'agency.deactivate': registryEditors,
  /**
   * Import units and agencies from .xlsx (each row then needs the rights its change needs: a unit
   * officer's import changes only their agency's contacts). Refused before the file is read.
   */
  'registry.import': { ...registryEditors, unit_officer: 'own_agency' },

  /** Manage accounts whose every role lies in reach. */
  'user.manage': { admin: 'scope' },
  /** Read the audit trail of records in reach. */
  'audit.read': { admin: 'scope', leader: 'scope' },
  /** Change an authority's settings (its standing body). */
  'authority.configure': { admin: 'scope' },
  /** Change the official working-day calendar, national for every authority. */
  'calendar.update': { admin: 'installation' },
  /** Change the schedule rules (notice lead time, revisit window): one setting for every authority. */
  'schedule.configure': { admin: 'installation' },
  /** Change when the daily jobs (reminders, deadlines) run: one time for every authority. */
  'jobs.schedule': { admin: 'installation' },

  /** Open the plans at all; which ones, by the three rows below and team membership (plans.policy.ts). */
  'plan.read': everyone,
  /** Read every version of plans issued by an agency in reach, drafts included. */
  'plan.read_drafts': { admin: 'scope', leader: 'scope', secretariat: 'scope' },
  /** Read the issued versions of plans issued by an agency in reach. */
  'plan.read_issued': { admin: 'scope', leader: 'scope', secretariat: 'scope', inspector: 'scope' },
  /** Read the issued versions of plans that inspect an agency in reach. */
  'plan.read_targeted': { unit_officer: 'scope' },
  /** Draft, edit, submit and amend a plan; start and close it. */
  'plan.draft': { secretariat: 'scope' },
  /** Return, issue (sign) a plan; start and close it. */
  'plan.issue': { leader: 'scope' },
  /** Prepare a team: its name, decision texts and members. */
  'team.prepare': { secretariat: 'scope' },
  /** Found a team by the Chairman's decision. */
  'team.found': { leader: 'scope' },
  /** Read an agency's register of issued documents. */
  'register.read': { admin: 'scope', leader: 'scope', secretariat: 'scope' },
  /** Register a document made outside the app (it takes the next number). */
  'register.record': { secretariat: 'scope', leader: 'scope' },

  /**
   * Read every inspection of plans issued by an agency in reach, unannounced visits included
   * before they start (the standing office and the leaders in scope).
   */
  'inspection.read_all': { admin: 'scope', leader: 'scope', secretariat: 'scope' },
  /**
   * Read the inspections of plans issued by an agency in reach, but an unannounced visit only
   * once started (an inspector sees every visit of their own team from the team's membership).
   */
  'inspection.read_issued': { inspector: 'scope' },
  /** Read the inspections of an agency in reach, but an unannounced visit only once started (the inspected unit). */
  'inspection.read_targeted': { unit_officer: 'scope' },
  /** Schedule inspections: create, edit dates, team and places, reschedule, cancel; issue notices. */
  'inspection.schedule': { secretariat: 'scope' },
  /**
   * Start and close an inspection of a plan issued in reach: the standing office recording an
   * earlier season; an inspector only on their own team's inspections (inspections.policy.ts).
   */
  'inspection.conduct': { secretariat: 'scope', inspector: 'scope' },

  /**
   * Draft and edit conclusion notices and escalations of inspections of plans issued in reach; issue
   * them when the standing office signs under authorisation (TUQ.).
   */
  'conclusion.draft': { secretariat: 'scope' },
  /** Approve and sign (issue) the conclusion notices and escalations of the People's Committee. */
  'conclusion.approve': { leader: 'scope' },
  /** Plan, report progress and report completion of corrective actions of an agency in reach (the unit). */
  'action.report': { unit_officer: 'scope' },
  /** Accept or return a unit's report on a corrective action of a plan issued in reach (the standing office). */
  'action.review': { secretariat: 'scope' },

  /**
   * Read index frameworks (those owned by an agency in reach, or by one above the user: the
   * ministry's and the province's) and the scores of units in reach.
   */
  'index.read': everyone,
  /** Create, edit, publish and version the frameworks owned by an agency in reach. */
  'index.manage': { admin: 'scope', secretariat: 'scope' },
  /** Enter, correct and import the scores of units in reach (the standing office appraises). */
  'index.score': { secretariat: 'scope' },
  /** Read the register of citizens' complaints and feedback about units in reach. */
  'feedback.read': { admin: 'scope', leader: 'scope', secretariat: 'scope', inspector: 'scope' },
  /** Record complaints and feedback and follow them up. */
  'feedback.record': { secretariat: 'scope' },
  /**
   * Read checklist templates owned by an agency in reach, or by one above the user (the
   * province's templates reach the towns).
   */
  'checklist.read': { admin: 'scope', leader: 'scope', secretariat: 'scope', inspector: 'scope' },
  /** Create, edit, publish and version the checklist templates of agencies in reach (the office). */
  'checklist.manage': { admin: 'scope', secretariat: 'scope' },
  /** Read the risk-based ranking of the units in reach (choosing targets). */
  'risk.read': { leader: 'scope', secretariat: 'scope' },
  /** Set the ranking's weights for the units under a unit in reach. */
  'risk.configure': { secretariat: 'scope' },

  /** The leaders' dashboard of the season (inspections, indices, ranking) for units in reach, and its export. */
  'dashboard.read': { admin: 'scope', leader: 'scope', secretariat: 'scope' },
  /** Read the annual results reports (Báo cáo kết quả kiểm tra CCHC) of authorities in reach. */
  'results_report.read': { admin: 'scope', leader: 'scope', secretariat: 'scope' },
  /** Draft and edit a results report for an authority in reach (the standing office). */
  'results_report.draft': { secretariat: 'authority' },
  /** Approve and sign a results report: it is numbered and frozen (a leader). */
  'results_report.issue': { leader: 'scope' },
  /** Read report templates, requests and every submission of requests issued by an agency in reach. */
  'report.read_all': { admin: 'scope', leader: 'scope', secretariat: 'scope' },
  /** Build and publish templates, set the periodic rules, send requests, accept or return reports, compile. */
  'report.manage': { secretariat: 'scope' },
  /** Fill in and submit the reports asked of an agency in reach (the unit's officer). */
  'report.submit': { unit_officer: 'scope' },
  /** Receive the escalation of a unit's overdue report (the unit's leader). */
  'report.escalation': { leader: 'scope' },
  /**
   * Read the register of tasks assigned by the People's Committees in reach (nhiệm vụ được giao,
   * issue 10 §8): placed by the assigning committee. Inspectors read it to check content group b).
   */
  'task.read': { admin: 'scope', leader: 'scope', secretariat: 'scope', inspector: 'scope' },
  /** Read the tasks owned or co-owned by an agency in reach (the unit's own tasks). */
  'task.read_owned': { unit_officer: 'scope' },
  /** Enter, edit, import and move the tasks of committees in reach (the standing office). */
  'task.manage': { secretariat: 'scope' },
  /** Report progress on the tasks owned by an agency in reach: notes, start, complete. */
  'task.report': { unit_officer: 'scope' },
  /**
   * Read the units' self-inspection plans and results (tự kiểm tra, M16) of agencies in reach, and
   * the roll-up of a year (the standing office, leaders, inspectors, admins).
   */
  'self_inspection.read': { admin: 'scope', leader: 'scope', secretariat: 'scope', inspector: 'scope' },
  /** Record, edit and report on the self-inspection of an agency in reach (the unit's own officer; reads its own). */
  'self_inspection.record': { unit_officer: 'scope' },
  /** Read the difficulties raised by agencies in reach (khó khăn, vướng mắc, M17), their answers and response times. */
  'difficulty.read': { admin: 'scope', leader: 'scope', secretariat: 'scope', inspector: 'scope' },
  /** Raise a difficulty for an agency in reach and close it once answered (the unit's officer; reads its own). */
  'difficulty.raise': { unit_officer: 'scope' },
  /** Forward a difficulty of an agency in reach to a leader, answer it, close it (the standing office). */
  'difficulty.handle': { secretariat: 'scope' },
  /** Answer a difficulty of an agency in reach, raised or forwarded (a leader of the committee). */
  'difficulty.answer': { leader: 'scope' },
} as const satisfies Record<string, Row>;

export type Capability = keyof typeof capabilityTable;
export const capabilityNames = Object.keys(capabilityTable) as Capability[];

/** The agency fields a unit officer keeps current: contact details, nothing that changes documents. */
export const agencyContactFields = ['shortName', 'headName', 'headTitle', 'phone', 'email', 'address'] as const;
export type AgencyContactField = (typeof agencyContactFields)[number];

/**
 * Field-level rules: a capability that allows changing only some fields of a record. The server
 * refuses the other fields (403, each named); the web app disables them.
 */
export const capabilityFields: Partial<Record<Capability, readonly string[]>> = {
  'agency.update_contacts': agencyContactFields,
};

/** How far a grant of `role` reaches for `capability`, or null when the role does not have it. */
export function reachOf(capability: Capability, role: RoleName): Reach | null {
  return (capabilityTable[capability] as Row)[role] ?? null;
}

/** The roles that have the capability somewhere. */
export function rolesWith(capability: Capability): RoleName[] {
  return roleNames.filter((role) => reachOf(capability, role) !== null);
}

/** Whether any of these roles has the capability (somewhere: the record decides where). */
export function anyRoleHas(roles: readonly RoleName[], capability: Capability): boolean {
  return roles.some((role) => reachOf(capability, role) !== null);
}
