/**
 * The authorization matrix: what every operation of the API answers to every role, on a record in
 * the caller's scope and on one outside it (another province). matrix.test.ts sends each request
 * (made by matrix.requests.ts) and compares the status with this table; an operation of the
 * OpenAPI document without a row here fails the test, which prints the row to add.
 *
 * Reading a row: `anonymous` is a request without a session; each role is a user of the test
 * authority (makeAuthority: admin at the province, leader at the town's People's Committee,
 * secretariat and inspector at the town's home-affairs office, unit officer at ward A's
 * People's Committee). A pair is [in scope, out of scope]; a single status is for an operation
 * with nothing to be in or out of scope. 404 out of scope is the rule: a record the caller may
 * not see does not exist for them. A status followed by a word is a finer outcome
 * ("200 rejected": the import read the file and refused every row).
 *
 * Every response to a user of the test authority is also checked not to carry a record of the
 * other province (its names or ids), and every mutation without the CSRF header is refused.
 */

export type Outcome = number | `${number} ${string}`;
export type Cell = Outcome | readonly [inScope: Outcome, outOfScope: Outcome];
export interface MatrixRow {
  anonymous: Outcome;
  admin: Cell;
  leader: Cell;
  secretariat: Cell;
  inspector: Cell;
  unit_officer: Cell;
}

// prettier-ignore
export const expectedMatrix: Record<string, MatrixRow> = {
  // System: public probes.
  'GET /api/health': { anonymous: 200, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/health/live': { anonymous: 200, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/health/ready': { anonymous: 200, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  // Off unless PAR_METRICS_TOKEN is set (then Bearer only, never the session): 404 to everyone here.
  'GET /api/metrics': { anonymous: 404, admin: 404, leader: 404, secretariat: 404, inspector: 404, unit_officer: 404 },
  // Public: signing in needs no session (and no CSRF token).
  'POST /api/session': { anonymous: 200, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/session': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/session/current': { anonymous: 200, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'DELETE /api/session': { anonymous: 401, admin: 204, leader: 204, secretariat: 204, inspector: 204, unit_officer: 204 },
  'POST /api/session/password': { anonymous: 401, admin: 204, leader: 204, secretariat: 204, inspector: 204, unit_officer: 204 },
  // Registry: lists answer 200 out of scope with none of the other province's records.
  'GET /api/units': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  // A role without unit.create: 403 before the parent is looked at; a parent out of scope: 400 naming the field.
  'POST /api/units': { anonymous: 401, admin: [201, 400], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/units/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'PATCH /api/units/{id}': { anonymous: 401, admin: [200, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/units/{id}/deactivate': { anonymous: 401, admin: [200, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/units/{id}/successions': { anonymous: 401, admin: [200, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/agencies': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  // A role without agency.create: 403 before the unit is looked at; a unit out of scope: 400 naming the field.
  'POST /api/agencies': { anonymous: 401, admin: [201, 400], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/agencies/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  // Contact fields of ward A's committee: the unit officer's own agency (agency.update_contacts).
  'PATCH /api/agencies/{id}': { anonymous: 401, admin: [200, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [200, 404] },
  // A sub-agency's name: the unit officer may not (issue 12 §4: contacts of their own agency only).
  'PATCH /api/agencies/{id} (all fields)': { anonymous: 401, admin: [200, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // The phone of a sub-agency of ward A's committee: not the unit officer's own agency (issue 12 §4).
  'PATCH /api/agencies/{id} (contacts of another agency)': { anonymous: 401, admin: [200, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/agencies/{id}/deactivate': { anonymous: 401, admin: [200, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/registry/export.xlsx': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  // Dry run of a workbook changing ward A's committee's phone: out of scope every row is refused.
  'POST /api/registry/import': { anonymous: 401, admin: [202, 202], leader: [403, 403], secretariat: [202, 202], inspector: [403, 403], unit_officer: [202, 202] },
  'GET /api/registry/imports/{id}': { anonymous: 401, admin: [200, 404], leader: [404, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [200, 404] },
  // Audit, users, settings.
  'GET /api/audit': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [403, 403], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/users': { anonymous: 401, admin: 200, leader: 403, secretariat: 403, inspector: 403, unit_officer: 403 },
  'POST /api/users': { anonymous: 401, admin: [201, 400], leader: [403, 403], secretariat: [403, 403], inspector: [403, 403], unit_officer: [403, 403] },
  'PATCH /api/users/{id}': { anonymous: 401, admin: [200, 404], leader: [403, 403], secretariat: [403, 403], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/settings/standing-body': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'PUT /api/settings/standing-body': { anonymous: 401, admin: [200, 400], leader: [403, 403], secretariat: [403, 403], inspector: [403, 403], unit_officer: [403, 403] },
  // The schedule's lead time and revisit window: each authority's standing office sets its own (an
  // admin configuring it may too); the installation-wide values need the installation's administrator.
  'GET /api/settings/schedule-rules': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'PUT /api/settings/schedule-rules': { anonymous: 401, admin: [200, 404], leader: [403, 403], secretariat: [200, 404], inspector: [403, 403], unit_officer: [403, 403] },
  'PUT /api/settings/schedule-rules (installation)': { anonymous: 401, admin: 200, leader: 403, secretariat: 403, inspector: 403, unit_officer: 403 },
  // The time of day an authority's reminders go out: set like its schedule rules (the installation's on the jobs page).
  'GET /api/settings/reminder-time': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'PUT /api/settings/reminder-time': { anonymous: 401, admin: [200, 404], leader: [403, 403], secretariat: [200, 404], inspector: [403, 403], unit_officer: [403, 403] },
  // Plans: the town committee's, inspecting ward A's committee.
  'GET /api/plans': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'POST /api/plans': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/plans/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  // Inspectors and unit officers never see drafts (plan-and-team-visibility.md).
  'GET /api/plans/{id} (draft)': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'PATCH /api/plans/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/plans/from-previous': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'POST /api/plans/{id}/submit': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/plans/{id}/start': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/plans/{id}/close': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/plans/{id}/return': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [403, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/plans/{id}/issue': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [403, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/plans/{id}/amendments': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // Teams.
  'GET /api/plans/{id}/teams': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/plans/{id}/teams': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/teams/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/teams/{id} (draft)': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'PATCH /api/teams/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'PUT /api/teams/{id}/members': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/teams/{id}/found': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [403, 404], inspector: [404, 404], unit_officer: [404, 404] },
  // Inspections of ward A's committee (inspections.policy.ts): the standing office schedules; the
  // inspectors in scope and the ward see them, but an unannounced visit only once it has started.
  'GET /api/inspections': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  // One's own calendar address; the feed itself needs no session (its address is the secret).
  'GET /api/me/calendar-feed': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'POST /api/me/calendar-feed': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'DELETE /api/me/calendar-feed': { anonymous: 401, admin: 204, leader: 204, secretariat: 204, inspector: 204, unit_officer: 204 },
  'GET /api/calendar-feed/{token}': { anonymous: 404, admin: 404, leader: 404, secretariat: 404, inspector: 404, unit_officer: 404 },
  'GET /api/inspections/export.xlsx': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/inspections/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/inspections/{id} (unannounced, not started)': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/inspections': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'PATCH /api/inspections/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // Start and close: the office (recording a season) or an inspector of the team — the matrix's inspector is on none.
  'POST /api/inspections/{id}/start': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/inspections/{id}/close': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/inspections/{id}/cancel': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/inspections/{id}/reschedule': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // Schedule proposals: the standing office proposes and accepts (each accepted placement scheduled as POST /api/inspections).
  // What is still to schedule tells of every inspection, unannounced ones too: the office only.
  'GET /api/plans/{id}/unscheduled-targets': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // The same for every plan the caller schedules, at once: a list scoped in SQL (empty for whoever schedules nothing).
  'GET /api/unscheduled-targets': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'POST /api/schedule-proposals': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/schedule-proposals/accept': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // Draws of unannounced targets: as secret as the visits (the office and the leaders); the office draws and reveals.
  'GET /api/unannounced-draws': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'POST /api/unannounced-draws': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/unannounced-draws/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/unannounced-draws/{id}/reveal': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  // Public once revealed: anyone recomputes the draw; before, not found for everyone.
  'GET /api/public/unannounced-draws/{id}': { anonymous: 200, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/public/unannounced-draws/{id} (not revealed)': { anonymous: 404, admin: 404, leader: 404, secretariat: 404, inspector: 404, unit_officer: 404 },
  // Checklist templates (issue 10 §1): read by the staff in scope (not the inspected unit), managed by the admin and the standing office.
  'GET /api/checklist-templates': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/checklist-templates/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [404, 404] },
  'POST /api/checklist-templates': { anonymous: 401, admin: [201, 400], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'PUT /api/checklist-templates/{id}': { anonymous: 401, admin: [200, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [404, 404] },
  'POST /api/checklist-templates/{id}/publish': { anonymous: 401, admin: [200, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [404, 404] },
  'POST /api/checklist-templates/{id}/versions': { anonymous: 401, admin: [201, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [404, 404] },
  // An inspection's checklists and findings (issue 10 §2–3): read with the inspection (the unit too);
  // filled by its team or the office — the matrix's inspector is on no team, the unit never edits.
  'GET /api/inspections/{id}/checklists': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/inspections/{id}/checklists': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'PUT /api/checklist-items/{id}/answer': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/checklist-items/{id}/history': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/checklist-items/{id}/evidence': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/checklist-items/{id}/evidence/upload': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'DELETE /api/checklist-evidence/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [204, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/inspections/{id}/findings': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/inspections/{id}/findings': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/findings/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'PATCH /api/findings/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/findings/{id}/withdraw': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // The library of good practices: those of the inspections the caller sees; another province's never.
  // The findings of the visits the caller sees (the dashboard's links); another province's never.
  'GET /api/findings': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  // The list's .xlsx with ?unitId= (the title names the unit): another province's unit is not found, before any row is read.
  'GET /api/findings/export.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/good-practices': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  // Schedule notices: drafted and issued by the standing office; issued ones seen with their inspections.
  'GET /api/inspection-notices': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/inspection-notices/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/inspection-notices/{id} (draft)': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/inspection-notices': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'PATCH /api/inspection-notices/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  // Escalations (issue 10 §7): the office and the leaders only; the leader signs the committee's proposal.
  'GET /api/escalations': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/escalations/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/escalations': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'PATCH /api/escalations/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/escalations/{id}/issue': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [403, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/escalations/{id}/decision': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/escalations/{id}/result': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/inspection-notices/{id}/issue': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  // Conclusions (issue 10 §5): drafted by the standing office, signed by the leader (the committee's); issued ones seen with their inspection.
  'GET /api/minutes': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/minutes/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/minutes/{id} (draft)': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/minutes': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'PATCH /api/minutes/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/minutes/{id}/finalize': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'GET /api/conclusions': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/conclusions/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/conclusions/{id} (draft)': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/conclusions': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'PATCH /api/conclusions/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/conclusions/{id}/issue': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [403, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/conclusions/{id}/reinspection': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // Corrective actions (issue 10 §6): the unit plans and reports, the standing office reviews, never the unit.
  'GET /api/corrective-actions': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/corrective-actions/export.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/corrective-actions/board': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/corrective-actions/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/corrective-actions/{id}/updates': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [403, 404], inspector: [403, 404], unit_officer: [200, 404] },
  'POST /api/corrective-actions/{id}/review': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/corrective-actions/{id}/reinspection-result': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // Documents and the register.
  'GET /api/document-types': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/documents/pdf-availability': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  // The town committee's register: outside a ward's unit officer's scope.
  'GET /api/document-register': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [404, 404] },
  'POST /api/document-register': { anonymous: 401, admin: [403, 400], leader: [201, 400], secretariat: [201, 400], inspector: [403, 400], unit_officer: [400, 400] },
  'GET /api/documents/{kind}/{file}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/documents/{kind}/{file} (team decision)': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/documents/{kind}/{id}/conversions': { anonymous: 401, admin: [202, 404], leader: [202, 404], secretariat: [202, 404], inspector: [202, 404], unit_officer: [202, 404] },
  // In scope: the conversion of an issued plan that the caller asked for (shared when two ask).
  'GET /api/document-conversions/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  // Calendar: national (calendar.update reaches the installation from a root unit: the test province is one).
  'GET /api/calendar/deadline': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/calendar/{year}': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'PUT /api/calendar/{year}': { anonymous: 401, admin: 200, leader: 403, secretariat: 403, inspector: 403, unit_officer: 403 },
  // Jobs: admins only.
  'GET /api/admin/jobs': { anonymous: 401, admin: 200, leader: 403, secretariat: 403, inspector: 403, unit_officer: 403 },
  'GET /api/admin/jobs/failed': { anonymous: 401, admin: 200, leader: 403, secretariat: 403, inspector: 403, unit_officer: 403 },
  // A failed job scoped to the town committee.
  'POST /api/admin/jobs/{queue}/{id}/retry': { anonymous: 401, admin: [200, 404], leader: [403, 403], secretariat: [403, 403], inspector: [403, 403], unit_officer: [403, 403] },
  'PUT /api/admin/jobs/daily-run-time': { anonymous: 401, admin: 200, leader: 403, secretariat: 403, inspector: 403, unit_officer: 403 },
  // Notifications: each user's own (another's is not found); the outbox for admins (requireJobAdmin).
  'GET /api/notifications': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/notifications/unread-count': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'POST /api/notifications/{id}/read': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/notifications/read-all': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/me/notification-preferences': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'PUT /api/me/notification-preferences': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/admin/mail': { anonymous: 401, admin: 200, leader: 403, secretariat: 403, inspector: 403, unit_officer: 403 },
  // Files attached to an issued plan: the standing office and the leader attach and remove.
  'POST /api/files': { anonymous: 401, admin: [403, 404], leader: [201, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/files': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/files/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'DELETE /api/files/{id}': { anonymous: 401, admin: [403, 404], leader: [204, 404], secretariat: [204, 404], inspector: [403, 404], unit_officer: [403, 404] },
  // Index frameworks (the town committee's) and ward A's scores: admins and the standing office
  // manage frameworks, the standing office scores, everyone in scope reads (issue 11).
  'GET /api/index-frameworks': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/index-frameworks/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/index-frameworks': { anonymous: 401, admin: [201, 400], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  // A draft framework exists only for who manages its owner's frameworks (issue 12 review): others get 404, not 403.
  'PATCH /api/index-frameworks/{id}': { anonymous: 401, admin: [200, 404], leader: [404, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/index-frameworks/{id}/publish': { anonymous: 401, admin: [200, 404], leader: [404, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/index-frameworks/{id}/versions': { anonymous: 401, admin: [201, 404], leader: [403, 404], secretariat: [201, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/index-frameworks/{id}/results': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/index-frameworks/{id}/results.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/index-frameworks/{id}/sheets/{unitId}/{year}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'PUT /api/index-frameworks/{id}/sheets/{unitId}/{year}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'PATCH /api/index-frameworks/{id}/sheets/{unitId}/{year}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'GET /api/index-frameworks/{id}/score-template.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  // Import of scores as a job: only the standing office, refused before the file is read.
  'POST /api/index-frameworks/{id}/score-imports': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [202, 404], inspector: [403, 403], unit_officer: [403, 403] },
  // An import is followed by whoever asked for it only.
  'GET /api/index-score-imports/{id}': { anonymous: 401, admin: [404, 404], leader: [404, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'GET /api/index-frameworks/{id}/criteria.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  // Import of a draft's criteria as a job: whoever manages frameworks, refused before the file is read.
  'POST /api/index-frameworks/{id}/criteria-imports': { anonymous: 401, admin: [202, 404], leader: [403, 403], secretariat: [202, 404], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/index-framework-imports/{id}': { anonymous: 401, admin: [200, 404], leader: [404, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  // The complaints register: not read by the inspected unit (it may be why an unannounced visit is chosen).
  // ?unitId= of the other province: not found, like its records (issue 12 review).
  'GET /api/feedback': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [403, 403] },
  'POST /api/feedback': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'PATCH /api/feedback/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [404, 404] },
  // Risk-based targeting of the town's wards: the leaders and the standing office read, the office sets the weights.
  'GET /api/risk-ranking': { anonymous: 401, admin: [403, 403], leader: [200, 404], secretariat: [200, 404], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/risk-ranking.xlsx': { anonymous: 401, admin: [403, 403], leader: [200, 404], secretariat: [200, 404], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/risk-weights/{unitId}': { anonymous: 401, admin: [403, 403], leader: [200, 404], secretariat: [200, 404], inspector: [403, 403], unit_officer: [403, 403] },
  'PUT /api/risk-weights/{unitId}': { anonymous: 401, admin: [403, 403], leader: [403, 404], secretariat: [200, 404], inspector: [403, 403], unit_officer: [403, 403] },
  // The annual results report: read by leaders, the office and admins; drafted by the office, issued by a leader.
  'GET /api/awaiting-signature': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  'GET /api/results-reports': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 403, unit_officer: 403 },
  'POST /api/results-reports': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/results-reports/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'PATCH /api/results-reports/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'DELETE /api/results-reports/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [204, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/results-reports/{id}/issue': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [403, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'GET /api/documents/{kind}/{file} (results report)': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  // The leaders' dashboard and its .xlsx: leaders, the office and admins, on a unit in reach.
  'GET /api/dashboard': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/dashboard.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/units/{id}/index-history': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  // Reports (issue 9): the standing office builds templates, sets the periods, sends requests and reviews; leaders and admins read;
  // a unit reads the requests made of it and its own report only, and alone fills it in and submits it.
  'GET /api/report-templates': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/report-templates/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/report-templates': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'PATCH /api/report-templates/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/report-templates/{id}/publish': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/report-templates/{id}/copies': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [201, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'GET /api/report-period-rules': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'POST /api/report-period-rules': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'PATCH /api/report-period-rules/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'GET /api/report-requests': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/report-requests/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [200, 404] },
  'POST /api/report-requests': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'PATCH /api/report-requests/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'POST /api/report-requests/{id}/issue': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  // A sent request: the unit asked sees it (403), the inspector does not (404).
  'POST /api/report-requests/{id}/extend': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [403, 404] },
  'POST /api/report-requests/{id}/withdraw': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [403, 404] },
  'GET /api/report-submissions': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/report-submissions/export.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/report-submissions/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [200, 404] },
  'PUT /api/report-submissions/{id}/draft': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [403, 404], inspector: [404, 404], unit_officer: [200, 404] },
  // The .xlsx form: the template's blank one for the office and the leaders; a report's for whoever sees it; filled back only by the unit.
  'GET /api/report-templates/{id}/form.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'GET /api/report-submissions/{id}/form.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [200, 404] },
  'POST /api/report-submissions/{id}/form': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [403, 404], inspector: [404, 404], unit_officer: [200, 404] },
  'POST /api/report-submissions/{id}/submit': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [403, 404], inspector: [404, 404], unit_officer: [200, 404] },
  'POST /api/report-submissions/{id}/accept': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [403, 404] },
  'POST /api/report-submissions/{id}/return': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [403, 404] },
  // Exports and statistics: the compilation (a job) is the office's and the leaders' (a unit asked sees the request: 403), followed by its requester only; a report's tables whoever sees it; statistics scoped.
  'POST /api/report-requests/{id}/compilations': { anonymous: 401, admin: [202, 404], leader: [202, 404], secretariat: [202, 404], inspector: [404, 404], unit_officer: [403, 404] },
  'GET /api/report-compilations/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'GET /api/report-compilations/{id}/compilation.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'GET /api/report-compilations/{id}/report.docx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  'GET /api/report-submissions/{id}/tables.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [200, 404] },
  'GET /api/documents/{kind}/{file} (report submission)': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [200, 404] },
  'GET /api/report-statistics': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/report-statistics.xlsx': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  // Tasks assigned by the town committee, owned by ward A's committee (issue 10 §8): the office keeps
  // the register, the owner's officer reports progress, everyone in scope reads.
  'GET /api/assigned-tasks': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/assigned-tasks/export.xlsx': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/assigned-tasks/import-template.xlsx': { anonymous: 401, admin: 403, leader: 403, secretariat: 200, inspector: 403, unit_officer: 403 },
  'GET /api/assigned-tasks/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/assigned-tasks': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [201, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'PATCH /api/assigned-tasks/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/assigned-tasks/{id}/progress': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [200, 404] },
  // Content group b) of an inspection: the agency's tasks as the caller sees them (none out of scope).
  'GET /api/agencies/{id}/assigned-tasks': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  // Import as a job, refused before the file is read; another province's committee is a 400 naming the field.
  'POST /api/assigned-tasks/imports': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [202, 400], inspector: [403, 403], unit_officer: [403, 403] },
  'GET /api/assigned-task-imports/{id}': { anonymous: 401, admin: [404, 404], leader: [404, 404], secretariat: [200, 404], inspector: [404, 404], unit_officer: [404, 404] },
  // Self-inspections of ward A's committee (issue 9 §6): the unit records its own (another unit's agency is not found); the office and the others read.
  'GET /api/self-inspections': { anonymous: 401, admin: [200, 200], leader: [200, 200], secretariat: [200, 200], inspector: [200, 200], unit_officer: [200, 200] },
  'GET /api/self-inspections/overview': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 403 },
  'GET /api/self-inspections/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/self-inspections': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [403, 403], inspector: [403, 403], unit_officer: [201, 404] },
  'PATCH /api/self-inspections/{id}': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [403, 404], inspector: [403, 404], unit_officer: [200, 404] },
  'PUT /api/self-inspections/{id}/results': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [403, 404], inspector: [403, 404], unit_officer: [200, 404] },
  // Difficulties raised by ward A's committee (issue 9 §7): the unit raises (another unit's agency is not found) and closes once answered;
  // the office forwards, answers what it has not forwarded and closes; a leader answers; nobody else moves them.
  'GET /api/reform-areas': { anonymous: 401, admin: 200, leader: 200, secretariat: 200, inspector: 200, unit_officer: 200 },
  // Filtered by an agency (?agencyId=): one out of reach is not found (findVisibleAgency, the registry's own rule), never an empty 200.
  'GET /api/difficulties': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/difficulties/export.xlsx': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'GET /api/difficulties/{id}': { anonymous: 401, admin: [200, 404], leader: [200, 404], secretariat: [200, 404], inspector: [200, 404], unit_officer: [200, 404] },
  'POST /api/difficulties': { anonymous: 401, admin: [403, 403], leader: [403, 403], secretariat: [403, 403], inspector: [403, 403], unit_officer: [201, 404] },
  'POST /api/difficulties/{id}/forward': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/difficulties/{id}/answer': { anonymous: 401, admin: [403, 404], leader: [200, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [403, 404] },
  'POST /api/difficulties/{id}/close': { anonymous: 401, admin: [403, 404], leader: [403, 404], secretariat: [200, 404], inspector: [403, 404], unit_officer: [200, 404] },
};
