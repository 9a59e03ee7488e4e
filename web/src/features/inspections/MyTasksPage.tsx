import { Anchor, Badge, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import { officialCalendar } from '../../../../shared/domain/calendar/index.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { useInspections } from './inspections.api.js';
import { MyReportsSection } from '../reports/MyReportsList.js';
import { kindKey, statusColor, statusKey } from './labels.js';

/** How far a report deadline is, in working days (the unit counts them, not calendar days). */
export function deadlineText(reportDueOn: string, today: string): { key: MessageKey; n: number } {
  if (reportDueOn === today) return { key: 'tasks.dueToday', n: 0 };
  const n = officialCalendar.workingDaysBetween(today, reportDueOn);
  return n > 0 ? { key: 'tasks.workingDaysLeft', n } : { key: 'tasks.overdue', n: Math.max(1, -n) };
}

function Section({ title, items, render }: { title: string; items: Inspection[]; render: (i: Inspection) => React.ReactNode }) {
  const t = useT();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('tasks.none')}</Text>
      ) : (
        <Table>
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

/**
 * /tasks — "Việc của tôi": what is asked of the caller. The office: announced visits still
 * without a notice; everyone: the reports due (in working days) and the next visits they may see
 * (a unit never sees an unannounced one before it starts: the server leaves it out).
 */
export function MyTasksPage({ today = todayIso() }: { today?: string }) {
  const t = useT();
  const { can } = useSession();
  const upcoming = useInspections({ from: today });
  if (upcoming.isPending) return <Loader />;
  if (upcoming.error) return <ErrorAlert error={upcoming.error} />;
  const live = upcoming.data.items.filter((i) => i.status === 'planned' || i.status === 'notified');
  const toNotify = live.filter((i) => i.kind === 'announced' && i.status === 'planned');
  const reports = live.filter((i) => i.reportDueOn).sort((a, b) => a.reportDueOn!.localeCompare(b.reportDueOn!));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('tasks.title')}
      </Title>
      {can('inspection.schedule') && <Section title={t('tasks.toNotify')} items={toNotify} render={(i) => formatDate(i.startsOn)} />}
      {can('report.submit') && <MyReportsSection today={today} />}
      <Section
        title={t('tasks.reportsDue')}
        items={reports}
        render={(i) => {
          const d = deadlineText(i.reportDueOn!, today);
          return (
            <Text size="sm">
              {formatDate(i.reportDueOn)} — <b>{t(d.key, { n: d.n })}</b>
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
            {i.startTime ? ` ${i.startTime}` : ''} <Badge color={statusColor[i.status]}>{t(statusKey(i.status))}</Badge>
          </>
        )}
      />
    </Stack>
  );
}
