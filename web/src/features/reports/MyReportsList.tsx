import { Anchor, Badge, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ReportRequest, SubmissionSummary } from '../../../../shared/api/reports.schemas.js';
import { awaitingUnit } from '../../../../shared/domain/report-status.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { deadlineText, yearsToCount } from '../inspections/deadline-text.js';
import { useWorkingCalendar } from '../calendar/calendar.api.js';
import { displayStatusColor, displayStatusKey } from './labels.js';
import { useRequests, useSubmissions } from './reports.api.js';
import { TableScroll } from '../../components/TableScroll.js';

/** How far a due day is, in working days (as "Việc của tôi" counts a visit's report deadline). */
const dueText = deadlineText;

export interface MyReport {
  submission: SubmissionSummary;
  request: ReportRequest | undefined;
}

/** The reports the caller fills in (their units' submissions), with their requests' titles and due days. */
export function useMyReports(enabled = true) {
  const submissions = useSubmissions({ mine: true }, enabled);
  const requests = useRequests();
  const byId = new Map((requests.data?.items ?? []).map((r) => [r.id, r]));
  const items: MyReport[] = (submissions.data?.items ?? []).map((s) => ({ submission: s, request: byId.get(s.requestId) }));
  items.sort((a, b) => (a.request?.dueOn ?? '').localeCompare(b.request?.dueOn ?? ''));
  // The server sends one page (200): `total` says how many there are, `more` that some were not fetched.
  const total = submissions.data?.total ?? 0;
  return { items, total, more: total > items.length, isPending: submissions.isPending || requests.isPending, error: submissions.error ?? requests.error };
}

/** The total of a list shown in part, and a link to the whole list (paged) when some were left out. */
export function SeeAllLink({ total, more, to }: { total: number; more: boolean; to: string }) {
  const t = useT();
  return (
    <Group gap="xs" mt="xs">
      <Text size="sm" c="dimmed">
        {t('submissionsList.total', { n: total })}
      </Text>
      {more && (
        <Anchor component={Link} to={to} size="sm">
          {t('tasks.seeAll')}
        </Anchor>
      )}
    </Group>
  );
}

/** A badge's label never cut with an ellipsis (Mantine's label shrinks and hides what overflows). */
export const wholeBadge = { label: { overflow: 'visible' } } as const;

/** A table of the caller's reports: request, unit, due day (in working days while it awaits them), status. */
export function MyReportsTable({ items, today = todayIso() }: { items: MyReport[]; today?: string }) {
  const t = useT();
  // Counted with the server's calendar (the admin's edits), as the server counts due days.
  const calendar = useWorkingCalendar(yearsToCount(today, items.flatMap((i) => (i.request ? [i.request.dueOn] : []))));
  if (items.length === 0) return <Text c="dimmed">{t('tasks.none')}</Text>;
  return (
    <TableScroll>
      <Table>
        <Table.Tbody>
          {items.map(({ submission: s, request: r }) => {
            const d = r && awaitingUnit(s.status) ? dueText(r.dueOn, today, calendar) : null;
            return (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/reports/submissions/${s.id}`}>
                    {r?.title ?? t('reporting.untitled')}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {s.agencyName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {r && (
                    <Text size="sm">
                      {formatDate(r.dueOn)}
                      {d && (
                        <>
                          {' — '}
                          <b>{t(d.key, { n: d.n, year: d.year ?? '' })}</b>
                        </>
                      )}
                    </Text>
                  )}
                </Table.Td>
                {/* The status is read whole ("Bị trả lại", "Chưa làm"): its column takes the badge's width, the title wraps instead. */}
                <Table.Td style={{ whiteSpace: 'nowrap', width: '1%' }}>
                  <Badge color={displayStatusColor[s.displayStatus]} styles={wholeBadge}>
                    {t(displayStatusKey(s.displayStatus))}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** "Việc của tôi": the reports a unit officer still has to send (not started, draft, returned). */
export function MyReportsSection({ today }: { today?: string }) {
  const t = useT();
  const mine = useMyReports();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('reporting.tasks.toSend')}
      </Title>
      {mine.isPending ? (
        <Loader size="sm" />
      ) : mine.error ? (
        <ErrorAlert error={mine.error} />
      ) : (
        <>
          <MyReportsTable items={mine.items.filter((i) => awaitingUnit(i.submission.status) && i.request?.status === 'open')} today={today} />
          {mine.more && <SeeAllLink total={mine.total} more to="/reports/submissions?mine=true" />}
        </>
      )}
    </Card>
  );
}
