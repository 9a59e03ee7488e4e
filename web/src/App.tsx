import { lazy, Suspense } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useAcceptSession, useSession } from './auth/session.js';
import { LoginPage } from './auth/LoginPage.js';
import { ChangePasswordPage } from './auth/ChangePasswordPage.js';
import { AppLayout } from './components/AppLayout.js';
import { RequireCapability } from './components/RequireCapability.js';
import { useT } from './i18n/i18n.js';

// Pages load on first visit: the sign-in screen does not wait for the registry, calendar or
// date-picker code.
const UnitsPage = lazy(() => import('./features/units/UnitsPage.js').then((m) => ({ default: m.UnitsPage })));
const UnitDetailPage = lazy(() =>
  import('./features/units/UnitDetailPage.js').then((m) => ({ default: m.UnitDetailPage })),
);
const AgenciesPage = lazy(() =>
  import('./features/agencies/AgenciesPage.js').then((m) => ({ default: m.AgenciesPage })),
);
const AgencyDetailPage = lazy(() =>
  import('./features/agencies/AgencyDetailPage.js').then((m) => ({ default: m.AgencyDetailPage })),
);
const AuditPage = lazy(() => import('./features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('./features/users/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const PlansPage = lazy(() => import('./features/plans/PlansPage.js').then((m) => ({ default: m.PlansPage })));
const PlanDetailPage = lazy(() =>
  import('./features/plans/PlanDetailPage.js').then((m) => ({ default: m.PlanDetailPage })),
);
const NotificationsPage = lazy(() =>
  import('./features/notifications/NotificationsPage.js').then((m) => ({ default: m.NotificationsPage })),
);
const AccountPage = lazy(() => import('./features/notifications/AccountPage.js').then((m) => ({ default: m.AccountPage })));
const MailStatusPage = lazy(() =>
  import('./features/notifications/MailStatusPage.js').then((m) => ({ default: m.MailStatusPage })),
);
const JobsPage = lazy(() => import('./features/job-admin/JobsPage.js').then((m) => ({ default: m.JobsPage })));
const InspectionsPage = lazy(() => import('./features/inspections/InspectionsPage.js').then((m) => ({ default: m.InspectionsPage })));
const InspectionDetailPage = lazy(() =>
  import('./features/inspections/InspectionDetailPage.js').then((m) => ({ default: m.InspectionDetailPage })),
);
const DrawVerificationPage = lazy(() => import('./features/inspections/DrawVerificationPage.js').then((m) => ({ default: m.DrawVerificationPage })));
const MyTasksPage = lazy(() => import('./features/inspections/MyTasksPage.js').then((m) => ({ default: m.MyTasksPage })));
const FrameworksPage = lazy(() => import('./features/indices/FrameworksPage.js').then((m) => ({ default: m.FrameworksPage })));
const FrameworkPage = lazy(() => import('./features/indices/FrameworkPage.js').then((m) => ({ default: m.FrameworkPage })));
const ScoreSheetPage = lazy(() => import('./features/indices/ScoreSheetPage.js').then((m) => ({ default: m.ScoreSheetPage })));
const FeedbackPage = lazy(() => import('./features/indices/FeedbackPage.js').then((m) => ({ default: m.FeedbackPage })));
const ResultsReportsPage = lazy(() => import('./features/results-reports/ResultsReportsPage.js').then((m) => ({ default: m.ResultsReportsPage })));
const ResultsReportPage = lazy(() => import('./features/results-reports/ResultsReportPage.js').then((m) => ({ default: m.ResultsReportPage })));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })));
const RiskRankingPage = lazy(() => import('./features/indices/RiskRankingPage.js').then((m) => ({ default: m.RiskRankingPage })));
const AssignedTasksPage = lazy(() => import('./features/assigned-tasks/AssignedTasksPage.js').then((m) => ({ default: m.AssignedTasksPage })));
const DifficultiesPage = lazy(() => import('./features/difficulties/DifficultiesPage.js').then((m) => ({ default: m.DifficultiesPage })));
const DifficultyPage = lazy(() => import('./features/difficulties/DifficultyPage.js').then((m) => ({ default: m.DifficultyPage })));
const SelfInspectionsPage = lazy(() => import('./features/self-inspections/SelfInspectionsPage.js').then((m) => ({ default: m.SelfInspectionsPage })));
const SelfInspectionPage = lazy(() => import('./features/self-inspections/SelfInspectionPage.js').then((m) => ({ default: m.SelfInspectionPage })));
const AssignedTaskPage = lazy(() => import('./features/assigned-tasks/AssignedTaskPage.js').then((m) => ({ default: m.AssignedTaskPage })));
const ReportRequestsPage = lazy(() => import('./features/reports/RequestsPage.js').then((m) => ({ default: m.RequestsPage })));
const ReportSubmissionPage = lazy(() => import('./features/reports/SubmissionPage.js').then((m) => ({ default: m.SubmissionPage })));
const ChecklistFillPage = lazy(() => import('./features/checklists/ChecklistFillPage.js').then((m) => ({ default: m.ChecklistFillPage })));
const ChecklistTemplatesPage = lazy(() => import('./features/checklists/ChecklistTemplatesPage.js').then((m) => ({ default: m.ChecklistTemplatesPage })));
const ChecklistTemplatePage = lazy(() => import('./features/checklists/ChecklistTemplatePage.js').then((m) => ({ default: m.ChecklistTemplatePage })));
const FindingsListPage = lazy(() => import('./features/findings/FindingsListPage.js').then((m) => ({ default: m.FindingsListPage })));
const RegisterPage = lazy(() => import('./features/register/RegisterPage.js').then((m) => ({ default: m.RegisterPage })));
const SubmissionsListPage = lazy(() => import('./features/reports/SubmissionsListPage.js').then((m) => ({ default: m.SubmissionsListPage })));
const GoodPracticesPage = lazy(() => import('./features/findings/GoodPracticesPage.js').then((m) => ({ default: m.GoodPracticesPage })));
const ReportRequestPage = lazy(() => import('./features/reports/RequestPage.js').then((m) => ({ default: m.RequestPage })));
const NewReportRequestPage = lazy(() => import('./features/reports/NewRequestPage.js').then((m) => ({ default: m.NewRequestPage })));
const ReportStatisticsPage = lazy(() => import('./features/reports/StatisticsPage.js').then((m) => ({ default: m.StatisticsPage })));
const ReportTemplatesPage = lazy(() => import('./features/reports/TemplatesPage.js').then((m) => ({ default: m.TemplatesPage })));
const ReportPeriodRulesPage = lazy(() => import('./features/reports/PeriodRulesPage.js').then((m) => ({ default: m.PeriodRulesPage })));
const ReportTemplatePage = lazy(() => import('./features/reports/TemplatePage.js').then((m) => ({ default: m.TemplatePage })));
const ScheduleRulesPage = lazy(() => import('./features/inspections/ScheduleRulesPage.js').then((m) => ({ default: m.ScheduleRulesPage })));
const NoticePage = lazy(() => import('./features/inspections/NoticePage.js').then((m) => ({ default: m.NoticePage })));
const CalendarPage = lazy(() =>
  import('./features/calendar/CalendarPage.js').then((m) => ({ default: m.CalendarPage })),
);
const ConclusionPage = lazy(() => import('./features/followup/ConclusionPage.js').then((m) => ({ default: m.ConclusionPage })));
const CorrectiveActionsPage = lazy(() => import('./features/followup/CorrectiveActionsPage.js').then((m) => ({ default: m.CorrectiveActionsPage })));
const CorrectiveActionPage = lazy(() => import('./features/followup/CorrectiveActionPage.js').then((m) => ({ default: m.CorrectiveActionPage })));
const EscalationPage = lazy(() => import('./features/followup/EscalationPage.js').then((m) => ({ default: m.EscalationPage })));

function NotFound() {
  const t = useT();
  return <Alert color="gray">{t('error.notFoundPage')}</Alert>;
}

function SignedOutRoutes() {
  const accept = useAcceptSession();
  const location = useLocation();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage onSignedIn={accept} />} />
      {/* Public: anyone checks a revealed draw of unannounced targets without signing in. */}
      <Route
        path="/verify-draw/:id"
        element={
          <Suspense fallback={null}>
            <DrawVerificationPage />
          </Suspense>
        }
      />
      <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />} />
    </Routes>
  );
}

function SignedInRoutes() {
  const { session, can } = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  if (session?.user.mustChangePassword) {
    // The server refuses everything else until the password is changed (PASSWORD_CHANGE_REQUIRED).
    return (
      <Routes>
        <Route element={<AppLayout />}>
          <Route path="password" element={<ChangePasswordPage />} />
          <Route path="*" element={<Navigate to="/password" replace state={{ from: location.pathname + location.search }} />} />
        </Route>
      </Routes>
    );
  }
  // Non-admin users land on what is asked of them ("Việc của tôi", issue 8 §6); admins on the registry.
  const landing = can('user.manage') ? '/units' : '/tasks';
  const home = from && from !== '/login' && from !== '/password' ? from : landing;
  return (
    <Routes>
      <Route path="/login" element={<Navigate to={home} replace />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={home} replace />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="units/:id" element={<UnitDetailPage />} />
        <Route path="agencies" element={<AgenciesPage />} />
        <Route path="agencies/:id" element={<AgencyDetailPage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/:id" element={<PlanDetailPage />} />
        <Route path="inspections" element={<InspectionsPage />} />
        <Route path="inspections/:id" element={<InspectionDetailPage />} />
        <Route path="inspections/:id/checklists/:checklistId" element={<ChecklistFillPage />} />
        <Route path="checklist-templates" element={<ChecklistTemplatesPage />} />
        <Route path="checklist-templates/:id" element={<ChecklistTemplatePage />} />
        <Route path="good-practices" element={<GoodPracticesPage />} />
        <Route path="findings" element={<FindingsListPage />} />
        <Route path="conclusions/:id" element={<ConclusionPage />} />
        <Route path="corrective-actions" element={<CorrectiveActionsPage />} />
        <Route path="corrective-actions/:id" element={<CorrectiveActionPage />} />
        <Route path="escalations/:id" element={<EscalationPage />} />
        <Route path="tasks" element={<MyTasksPage />} />
        <Route path="verify-draw/:id" element={<DrawVerificationPage />} />
        <Route path="calendar/:year?" element={<CalendarPage />} />
        <Route
          path="audit"
          element={
            <RequireCapability capability="audit.read">
              <AuditPage />
            </RequireCapability>
          }
        />
        <Route
          path="users"
          element={
            <RequireCapability capability="user.manage">
              <UsersPage />
            </RequireCapability>
          }
        />
        <Route path="indices" element={<FrameworksPage />} />
        <Route path="indices/:id" element={<FrameworkPage />} />
        <Route path="indices/:id/sheets/:unitId/:year" element={<ScoreSheetPage />} />
        <Route
          path="feedback"
          element={
            <RequireCapability capability="feedback.read">
              <FeedbackPage />
            </RequireCapability>
          }
        />
        <Route
          path="results-reports"
          element={
            <RequireCapability capability="results_report.read">
              <ResultsReportsPage />
            </RequireCapability>
          }
        />
        <Route
          path="results-reports/:id"
          element={
            <RequireCapability capability="results_report.read">
              <ResultsReportPage />
            </RequireCapability>
          }
        />
        <Route
          path="dashboard"
          element={
            <RequireCapability capability="dashboard.read">
              <DashboardPage />
            </RequireCapability>
          }
        />
        <Route
          path="risk-ranking"
          element={
            <RequireCapability capability="risk.read">
              <RiskRankingPage />
            </RequireCapability>
          }
        />
        <Route path="assigned-tasks" element={<AssignedTasksPage />} />
        <Route path="assigned-tasks/:id" element={<AssignedTaskPage />} />
        <Route path="reports/requests" element={<ReportRequestsPage />} />
        <Route
          path="register"
          element={
            <RequireCapability capability="register.read">
              <RegisterPage />
            </RequireCapability>
          }
        />
        <Route path="reports/submissions" element={<SubmissionsListPage />} />
        <Route path="reports/submissions/:id" element={<ReportSubmissionPage />} />
        <Route path="self-inspections" element={<SelfInspectionsPage />} />
        <Route path="self-inspections/:id" element={<SelfInspectionPage />} />
        <Route
          path="reports/requests/new"
          element={
            <RequireCapability capability="report.manage">
              <NewReportRequestPage />
            </RequireCapability>
          }
        />
        <Route path="reports/requests/:id" element={<ReportRequestPage />} />
        <Route path="reports/statistics" element={<ReportStatisticsPage />} />
        <Route
          path="reports/templates"
          element={
            <RequireCapability capability="report.manage">
              <ReportTemplatesPage />
            </RequireCapability>
          }
        />
        <Route
          path="reports/templates/:id"
          element={
            <RequireCapability capability="report.manage">
              <ReportTemplatePage />
            </RequireCapability>
          }
        />
        <Route
          path="reports/period-rules"
          element={
            <RequireCapability capability="report.read_all">
              <ReportPeriodRulesPage />
            </RequireCapability>
          }
        />
        <Route path="difficulties" element={<DifficultiesPage />} />
        <Route path="difficulties/:id" element={<DifficultyPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route
          path="admin/jobs"
          element={
            <RequireCapability capability="user.manage">
              <JobsPage />
            </RequireCapability>
          }
        />
        <Route
          path="admin/mail"
          element={
            <RequireCapability capability="user.manage">
              <MailStatusPage />
            </RequireCapability>
          }
        />
        <Route
          path="settings/schedule-rules"
          element={
            <RequireCapability capability={['schedule.configure', 'inspection.schedule', 'authority.configure']}>
              <ScheduleRulesPage />
            </RequireCapability>
          }
        />
        <Route path="notices/:id" element={<NoticePage />} />
        <Route path="password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function Routed() {
  const { session } = useSession();
  return session ? <SignedInRoutes /> : <SignedOutRoutes />;
}

/** Routes: signed out, everything leads to /login; signed in, the layout with its pages. */
export function App() {
  const fallback = (
    <Center mih="100vh">
      <Loader aria-label="Đang tải… / Loading…" />
    </Center>
  );
  return (
    <BrowserRouter>
      <SessionProvider fallback={fallback}>
        <Routed />
      </SessionProvider>
    </BrowserRouter>
  );
}
