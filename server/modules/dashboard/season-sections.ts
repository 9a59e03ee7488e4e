/**
 * The dashboard sections of the season, registered in this order (each module's own file):
 * reports, findings, corrective actions, difficulties. Imported by the dashboard and by the
 * results report, so both list the same sections whatever else the process has loaded.
 */
import '../reports/dashboard-section.js';
import '../findings/dashboard-section.js';
import '../corrective-actions/dashboard-section.js';
import '../difficulties/dashboard-section.js';

export { dashboardSections } from './dashboard-sections.js';
