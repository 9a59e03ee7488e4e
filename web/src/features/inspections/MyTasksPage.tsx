import { Anchor, Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { Notice } from '../../../../shared/api/notices.schemas.js';
import type { UnscheduledByPlan } from '../../../../shared/api/schedule-proposals.schemas.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { deadlineText, yearsToCount } from './deadline-text.js';
import { useWorkingCalendar } from '../calendar/calendar.api.js';
import { api } from '../../lib/api-client.js';
import { useInspections } from './inspections.api.js';
import { MyReportsSection, wholeBadge } from '../reports/MyReportsList.js';
import { kindKey, statusColor, statusKey } from './labels.js';
import { AwaitingSignatureCard, signingCapabilities } from './AwaitingSignatureCard.js';
import { ReviewQueueCard } from '../reports/ReviewQueueCard.js';
import { DifficultyQueueCard } from '../difficulties/DifficultyQueueCard.js';
import { TableScroll } from '../../components/TableScroll.js';

export { deadlineText };

/** The office's plans still taking inspections, each with its targets not yet scheduled: one request (GET /api/unscheduled-targets). */
function ToScheduleCard() {
  const t = useT();
  const plans = useQuery({
    // Under the inspections' key: scheduling one refreshes the card.
    queryKey: ['inspections', 'unscheduled-targets'],
    queryFn: ({ signal }) => api.get<UnscheduledByPlan>('/api/unscheduled-targets', undefined, signal),
  });
  if (plans.error) return <ErrorAlert error={plans.error} />;
  const rows = plans.data?.items ?? [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('tasks.toSchedule')}
      </Title>
      {plans.isPending ? (
        <Loader size="sm" />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('tasks.none')}</Text>
      ) : (
        <TableScroll>
          <Table aria-label={t('tasks.toSchedule')}>
            <Table.Tbody>
              {rows.map((plan) => (
                <Table.Tr key={plan.planId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/plans/${plan.planId}`} fw={600}>
                      {plan.documentNumber ?? plan.summary}
                    </Anchor>{' '}
                    <Badge color="orange" variant="light">
                      {t('tasks.toScheduleCount', { n: plan.items.length })}
                    </Badge>
                    <Text size="sm">{plan.items.map((it) => it.agencyName).join('; ')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Card>
  );
}

function Section({ title, items, total, more, render, empty }: { title: string; items: Inspection[]; total: number; more?: string; render: (i: Inspection) => React.ReactNode; empty?: string }) {
  const t = useT();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty ?? t('tasks.none')}</Text>
      ) : (
        <TableScroll>
          <Table aria-label={title}>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/inspections/${i.id}`}>
                      {i.agencyName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(kindKey(i.kind))} · {i.teamName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{render(i)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {total > items.length && (
        <Text size="sm" mt="xs">
          {t('tasks.more', { n: total - items.length })}
          {more && (
            <>
              {' '}
              <Anchor component={Link} to={more}>
                {t('tasks.seeAll')}
              </Anchor>
            </>
          )}
        </Text>
      )}
    </Card>
  );
}

/** The notices the caller may read: a unit, the issued ones that list one of its visits; the office, its drafts too. */
function NoticesCard({ notices, toIssue, hasMore }: { notices: Notice[]; toIssue: boolean; hasMore: boolean }) {
  const t = useT();
  const shown = toIssue ? notices : notices.filter((n) => n.status === 'issued');
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {toIssue ? t('tasks.noticesOffice') : t('tasks.noticesUnit')}
      </Title>
      {shown.length === 0 ? (
        <Text c="dimmed">{t('tasks.none')}</Text>
      ) : (
        <TableScroll>
          <Table aria-label={toIssue ? t('tasks.noticesOffice') : t('tasks.noticesUnit')}>
            <Table.Tbody>
              {shown.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Anchor component={Link} to={`/notices/${n.id}`} fw={600}>
                        {n.documentNumber ?? t('notices.status.draft')}
                      </Anchor>
                      {n.issuedOn && <Text size="sm">{t('tasks.noticeIssuedOn', { date: formatDate(n.issuedOn) })}</Text>}
                      <Badge color={n.status === 'issued' ? 'green' : 'gray'}>{t(n.status === 'issued' ? 'notices.status.issued' : 'notices.status.draft')}</Badge>
                    </Group>
                    <Text size="sm">{n.content.summary}</Text>
                    {n.items.map((it) => (
                      <Text size="xs" c="dimmed" key={it.inspectionId}>
                        {/* Only the lines the server says the caller may open: a unit sees the whole table, opens its own visits. */}
                        {it.canOpen ? (
                          <Anchor component={Link} to={`/inspections/${it.inspectionId}`} size="xs">
                            {it.agencyName}
                          </Anchor>
                        ) : (
                          it.agencyName
                        )}
                        {' — '}
                        {t('tasks.noticeItem', { date: formatDate(it.startsOn), due: it.reportDueOn ? formatDate(it.reportDueOn) : '—' })}
                        {it.changedAfterIssue && (
                          <>
                            {' '}
                            <Badge color="orange" variant="light" size="sm" style={{ whiteSpace: 'normal', height: 'auto' }}>
                              {t('noticePage.changedAfterIssue')}
                            </Badge>
                          </>
                        )}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {hasMore && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('tasks.noticesMore', { n: NOTICES_SHOWN })}
        </Text>
      )}
    </Card>
  );
}

/** How many rows each card asks for; past it the card says how many more and links to the list. */
export const TASKS_PAGE_SIZE = 50;
/** The latest schedule notices the card shows (older ones are on each plan's page). */
const NOTICES_SHOWN = 20;
const LIVE = ['planned', 'notified'] as const;

/**
 * /tasks — "Việc của tôi": what is asked of the caller, whatever today's date. The office: announced
 * visits still without a notice and notices to issue; a unit: the notices sent to it and its report
 * deadlines in working days (overdue ones too: an office recording an earlier season, or the 2021
 * demo read years later, still sees what was asked); everyone: visits still to happen, and those
 * under way — first of all for a team member, whose work they are (a unit never sees an unannounced one before it starts: the server leaves it out).
 * Each card asks the server for exactly its rows (status, kind, reports still awaited), so no
 * visit is lost behind a page of others.
 */
export function MyTasksPage({ today = todayIso() }: { today?: string }) {
  const t = useT();
  const { language } = useI18n();
  const { can } = useSession();
  const office = can('inspection.schedule');
  // A team member (an inspector, not the office) is asked first to go on their next visits (issue 8 §6).
  const teamMember = can('inspection.conduct') && !office;
  const live = useInspections({ status: LIVE, pageSize: TASKS_PAGE_SIZE });
  const underWayQuery = useInspections({ status: 'under_way', pageSize: TASKS_PAGE_SIZE });
  const toNotifyQuery = useInspections({ kind: 'announced', status: 'planned', pageSize: TASKS_PAGE_SIZE }, office);
  // A unit's deadline counts from the notice: before it the unit was asked nothing (docs/decisions/schedule-notices.md);
  // the server lists a unit only the deadlines it was told (a visit moved after its notice stays, awaiting a new one).
  // The office also sees the visits still without a notice, labelled so, never as overdue.
  const reportsQuery = useInspections({ status: LIVE, reportPending: true, sort: 'reportDueOn', pageSize: TASKS_PAGE_SIZE });
  const notices = useQuery({
    queryKey: ['inspection-notices', 'mine'],
    // The latest NOTICES_SHOWN the caller may see (the server's newest first), drafts on top.
    queryFn: ({ signal }) => api.get<{ items: Notice[]; hasMore: boolean }>('/api/inspection-notices', { limit: NOTICES_SHOWN }, signal),
    select: (d) => ({ items: [...d.items].sort((a, b) => (b.issuedOn ?? '9999').localeCompare(a.issuedOn ?? '9999')), hasMore: d.hasMore }),
  });
  // Working days are counted with the server's calendar (the admin's edits), as the server counts them.
  const calendar = useWorkingCalendar(yearsToCount(today, (reportsQuery.data?.items ?? []).flatMap((i) => (i.reportDueOn ? [i.reportDueOn] : []))));
  const queries = [live, underWayQuery, reportsQuery, ...(office ? [toNotifyQuery] : [])];
  if (queries.some((q) => q.isPending) || notices.isPending) return <Loader />;
  const failed = queries.find((q) => q.error)?.error ?? notices.error;
  if (failed) return <ErrorAlert error={failed} />;
  const pastDue = (i: Inspection) => i.startsOn < today;
  const page = (q: typeof live) => ({ items: q.data?.items ?? [], total: q.data?.total ?? 0 });
  const asked = (
    <>
      <NoticesCard notices={notices.data?.items ?? []} hasMore={notices.data?.hasMore ?? false} toIssue={office} />
      {can('report.submit') && <MyReportsSection today={today} />}
      {can('report.manage') && <ReviewQueueCard />}
      {can('difficulty.handle') && <DifficultyQueueCard queue="office" />}
      {can('difficulty.answer') && <DifficultyQueueCard queue="leader" />}
      <Section
        title={t('tasks.reportsDue')}
        {...page(reportsQuery)}
        render={(i) => {
          if (i.status === 'planned' && i.kind === 'announced' && !i.awaitingNewNotice)
            return (
              <Text size="sm" c="dimmed">
                {formatDate(i.reportDueOn)} — <b>{t('tasks.notNotified')}</b>
              </Text>
            );
          const d = deadlineText(i.reportDueOn!, today, calendar);
          return (
            <Text size="sm" c={d?.key === 'tasks.overdue' ? 'red' : d?.key === 'tasks.pastSeason' ? 'dimmed' : undefined}>
              {formatDate(i.reportDueOn)}
              {d && (
                <>
                  {' — '}
                  <b>{t(d.key, { n: d.n, year: d.year ?? '' })}</b>
                </>
              )}
              {i.awaitingNewNotice && ` · ${t('tasks.awaitingNewNotice')}`}
            </Text>
          );
        }}
      />
    </>
  );
  const visits = (
    <>
      <Section
        title={t('tasks.nextVisits')}
        {...page(live)}
        more="/inspections?status=planned,notified"
        render={(i) => (
          <>
            {formatDate(i.startsOn)}
            {i.startTime ? ` ${i.startTime}` : ''}{' '}
            <Badge color={statusColor[i.status]} styles={wholeBadge}>
              {t(statusKey(i.status))}
            </Badge>{' '}
            {pastDue(i) && (
              <Badge color="orange" variant="light" styles={wholeBadge}>
                {t('tasks.dayPassed')}
              </Badge>
            )}
          </>
        )}
      />
      <Section title={t('tasks.underWay')} {...page(underWayQuery)} more="/inspections?status=under_way" render={(i) => t('tasks.startedOn', { date: formatDate(i.startsOn) })} />
    </>
  );
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('tasks.title')}
      </Title>
      {signingCapabilities.some((c) => can(c)) && <AwaitingSignatureCard />}
      {office && <ToScheduleCard />}
      {office && (
        <Section
          title={t('tasks.toNotify')}
          {...page(toNotifyQuery)}
          more="/inspections?kind=announced&status=planned"
          render={(i) => {
            // The server warns when the notice can no longer reach the unit in time (short_lead_time, by its clock and the authority's lead time).
            const late = i.warnings.find((w) => w.code === 'short_lead_time');
            return (
              <>
                {formatDate(i.startsOn)}{' '}
                {late && (
                  <Badge color="red" variant="light" styles={wholeBadge} title={language === 'en' ? late.messageEn : late.message}>
                    {t('tasks.noticeTooLate')}
                  </Badge>
                )}
              </>
            );
          }}
        />
      )}
      {teamMember ? visits : asked}
      {teamMember ? asked : visits}
    </Stack>
  );
}
