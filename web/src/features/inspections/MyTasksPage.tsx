import { Anchor, Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { Notice } from '../../../../shared/api/notices.schemas.js';
import type { UnscheduledByPlan } from '../../../../shared/api/schedule-proposals.schemas.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { deadlineText } from './deadline-text.js';
import { api } from '../../lib/api-client.js';
import { useInspections } from './inspections.api.js';
import { MyReportsSection, wholeBadge } from '../reports/MyReportsList.js';
import { kindKey, statusColor, statusKey } from './labels.js';
import { AwaitingSignatureCard, signingCapabilities } from './AwaitingSignatureCard.js';
import { ReviewQueueCard } from '../reports/ReviewQueueCard.js';
import { DifficultyQueueCard } from '../difficulties/DifficultyQueueCard.js';

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
      )}
    </Card>
  );
}

function Section({ title, items, render, empty }: { title: string; items: Inspection[]; render: (i: Inspection) => React.ReactNode; empty?: string }) {
  const t = useT();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty ?? t('tasks.none')}</Text>
      ) : (
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
      )}
    </Card>
  );
}

/** The notices the caller may read: a unit, the issued ones that list one of its visits; the office, its drafts too. */
function NoticesCard({ notices, toIssue }: { notices: Notice[]; toIssue: boolean }) {
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
                      <Anchor component={Link} to={`/inspections/${it.inspectionId}`} size="xs">
                        {it.agencyName}
                      </Anchor>
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
      )}
    </Card>
  );
}

const open = (i: Inspection) => i.status === 'planned' || i.status === 'notified';
const byStart = (a: Inspection, b: Inspection) => a.startsOn.localeCompare(b.startsOn) || a.agencyName.localeCompare(b.agencyName, 'vi');

/**
 * /tasks — "Việc của tôi": what is asked of the caller, whatever today's date. The office: announced
 * visits still without a notice and notices to issue; a unit: the notices sent to it and its report
 * deadlines in working days (overdue ones too: an office recording an earlier season, or the 2021
 * demo read years later, still sees what was asked); everyone: visits still to happen, and those
 * under way (a unit never sees an unannounced one before it starts: the server leaves it out).
 */
export function MyTasksPage({ today = todayIso() }: { today?: string }) {
  const t = useT();
  const { can } = useSession();
  const office = can('inspection.schedule');
  const inspections = useInspections({});
  const notices = useQuery({
    queryKey: ['inspection-notices', 'mine'],
    queryFn: ({ signal }) => api.get<{ items: Notice[] }>('/api/inspection-notices', undefined, signal),
    select: (d) => [...d.items].sort((a, b) => (b.issuedOn ?? '9999').localeCompare(a.issuedOn ?? '9999')),
  });
  if (inspections.isPending || notices.isPending) return <Loader />;
  if (inspections.error) return <ErrorAlert error={inspections.error} />;
  if (notices.error) return <ErrorAlert error={notices.error} />;
  const all = [...inspections.data.items].sort(byStart);
  const live = all.filter(open);
  const toNotify = live.filter((i) => i.kind === 'announced' && i.status === 'planned');
  const reports = live.filter((i) => i.reportDueOn).sort((a, b) => a.reportDueOn!.localeCompare(b.reportDueOn!));
  const underWay = all.filter((i) => i.status === 'under_way');
  const pastDue = (i: Inspection) => i.startsOn < today;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('tasks.title')}
      </Title>
      {signingCapabilities.some((c) => can(c)) && <AwaitingSignatureCard />}
      {office && <ToScheduleCard />}
      {office && <Section title={t('tasks.toNotify')} items={toNotify} render={(i) => formatDate(i.startsOn)} />}
      <NoticesCard notices={notices.data} toIssue={office} />
      {can('report.submit') && <MyReportsSection today={today} />}
      {can('report.manage') && <ReviewQueueCard />}
      {can('difficulty.handle') && <DifficultyQueueCard queue="office" />}
      {can('difficulty.answer') && <DifficultyQueueCard queue="leader" />}
      <Section
        title={t('tasks.reportsDue')}
        items={reports}
        render={(i) => {
          const d = deadlineText(i.reportDueOn!, today);
          return (
            <Text size="sm" c={d.key === 'tasks.overdue' ? 'red' : d.key === 'tasks.pastSeason' ? 'dimmed' : undefined}>
              {formatDate(i.reportDueOn)} — <b>{t(d.key, { n: d.n, year: d.year ?? '' })}</b>
            </Text>
          );
        }}
      />
      <Section
        title={t('tasks.nextVisits')}
        items={live}
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
      <Section title={t('tasks.underWay')} items={underWay} render={(i) => t('tasks.startedOn', { date: formatDate(i.startsOn) })} />
    </Stack>
  );
}
