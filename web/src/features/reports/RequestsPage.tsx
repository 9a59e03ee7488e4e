import { Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ReportRequest } from '../../../../shared/api/reports.schemas.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { displayStatusColor, displayStatusKey, requestKindKey, requestStatusKey } from './labels.js';
import { MyReportsTable, SeeAllLink, useMyReports } from './MyReportsList.js';
import { useRequests } from './reports.api.js';
import { submissionDisplayStatuses } from '../../../../shared/domain/report-status.js';
import { TableScroll } from '../../components/TableScroll.js';

/** The counts of a request's reports by status, as small badges ("3 nộp đúng hạn"). */
export function CountBadges({ request }: { request: ReportRequest }) {
  const t = useT();
  return (
    <Group gap={4}>
      {submissionDisplayStatuses
        .filter((s) => request.counts[s] > 0)
        .map((s) => (
          <Badge key={s} color={displayStatusColor[s]} variant="light" tt="none">
            {request.counts[s]} {t(displayStatusKey(s))}
          </Badge>
        ))}
    </Group>
  );
}

function RequestsTable({ items }: { items: ReportRequest[] }) {
  const t = useT();
  if (items.length === 0) return <Text c="dimmed">{t('reporting.requests.none')}</Text>;
  return (
    <TableScroll>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reporting.col.title')}</Table.Th>
            <Table.Th>{t('reporting.col.kind')}</Table.Th>
            <Table.Th>{t('reporting.col.due')}</Table.Th>
            <Table.Th>{t('reporting.col.status')}</Table.Th>
            <Table.Th>{t('reporting.col.reports')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/reports/requests/${r.id}`}>
                  {r.title}
                </Anchor>
                {r.documentNumber && (
                  <Text size="xs" c="dimmed">
                    {t('reporting.requests.number', { number: r.documentNumber, date: formatDate(r.issuedOn) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(requestKindKey(r.kind))}</Table.Td>
              <Table.Td>{formatDate(r.dueOn)}</Table.Td>
              <Table.Td>{t(requestStatusKey(r.status))}</Table.Td>
              <Table.Td>
                <CountBadges request={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/**
 * /reports/requests — the office: every request (periodic, ad hoc, pre-visit) with how its
 * reports stand; a unit officer: the reports of their units.
 */
export function RequestsPage() {
  const t = useT();
  const { can } = useSession();
  const office = can('report.manage') || can('report.read_all');
  const unit = can('report.submit');
  const requests = useRequests();
  const mine = useMyReports(unit);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('reporting.requests.title')}
        </Title>
        <Group gap="xs">
          {office && (
            <Button component={Link} to="/reports/statistics" variant="default">
              {t('reporting.stats.link')}
            </Button>
          )}
          {can('report.manage') && (
            <>
              <Button component={Link} to="/reports/templates" variant="default">
                {t('reporting.templates.title')}
              </Button>
              <Button component={Link} to="/reports/period-rules" variant="default">
                {t('reporting.rules.link')}
              </Button>
              <Button component={Link} to="/reports/requests/new">
                {t('reporting.requests.new')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {unit && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('reporting.requests.mine')}
          </Title>
          {mine.isPending ? <Loader size="sm" /> : mine.error ? <ErrorAlert error={mine.error} /> : (
            <>
              <MyReportsTable items={mine.items} />
              {mine.more && <SeeAllLink total={mine.total} more to="/reports/submissions?mine=true" />}
            </>
          )}
        </Card>
      )}
      {office && (requests.isPending ? <Loader /> : requests.error ? <ErrorAlert error={requests.error} /> : <RequestsTable items={requests.data.items} />)}
    </Stack>
  );
}
