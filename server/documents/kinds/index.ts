/**
 * Every document kind the app produces, imported once so the download route knows them all.
 * A module defines its kinds beside its use cases (defineDocumentKind) and adds a line here.
 */
import '../../modules/plans/plan-document.js';
import '../../modules/teams/team-decision.js';
import '../../modules/notices/notice-document.js';
import '../../modules/minutes/minutes-document.js';
import '../../modules/conclusions/conclusion-document.js';
import '../../modules/escalations/escalation-document.js';
import '../../modules/results-reports/results-report-document.js';
import '../../modules/reports/request-letter.js';
import '../../modules/reports/submission-document.js';
