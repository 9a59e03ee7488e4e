import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Submission } from '../../../../shared/api/reports.schemas.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { displayStatusColor, displayStatusKey } from './labels.js';
import { DocumentLinks } from '../plans/DocumentLinks.js';
import { submissionReportBase, useSubmission } from './reports.api.js';
import { ReviewPanel } from './ReviewPanel.js';
import { SubmissionForm } from './SubmissionForm.js';
import { TableScroll } from '../../components/TableScroll.js';

/** What happened to the report: each submission (on time or late), return (with its reasons) and acceptance. */
function History({ submission }: { submission: Submission }) {
  const t = useT();
  if (submission.history.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('reporting.history.title')}
      </Title>
      <TableScroll>
        <Table aria-label={t('reporting.history.title')}>
          <Table.Tbody>
            {submission.history.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatDateTime(h.at)}</Table.Td>
                <Table.Td>
                  {t(`reporting.history.${h.action}`)}
                  {h.action === 'submitted' && h.late !== null ? ` (${t(h.late ? 'reporting.status.submitted_late' : 'reporting.status.submitted_on_time')})` : ''}
                </Table.Td>
                <Table.Td>{h.actorName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{h.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Card>
  );
}

/**
 * /reports/submissions/:id — one unit's report: the unit fills and submits it (autosaved, kept in
 * the browser, 409 shown), the office reviews it; the history of submissions and returns.
 */
export function SubmissionPage({ autosaveDelayMs }: { autosaveDelayMs?: number }) {
  const t = useT();
  const { id = '' } = useParams();
  const query = useSubmission(id);
  if (query.isPending) return <Loader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const s = query.data;
  return (
    <Stack>
      <div>
        <Anchor component={Link} to="/reports/requests" size="sm">
          ← {t('reporting.requests.title')}
        </Anchor>
        <Title order={1} size="h2">
          {s.request.title}
        </Title>
        <Group gap="xs">
          <Text>{s.agencyName}</Text>
          <Badge color={displayStatusColor[s.displayStatus]}>{t(displayStatusKey(s.displayStatus))}</Badge>
        </Group>
      </div>
      <DetailList
        items={[
          [t('reporting.col.owner'), s.request.ownerAgencyName],
          [t('reporting.col.template'), `${s.template.name} (${t('reporting.revision', { n: s.template.revision })})`],
          [t('reporting.col.due'), formatDate(s.request.dueOn)],
          ...(s.request.periodFrom && s.request.periodTo ? [[t('reporting.col.period'), `${formatDate(s.request.periodFrom)} – ${formatDate(s.request.periodTo)}`] as [string, string]] : []),
          ...(s.submittedAt ? [[t('reporting.col.submittedAt'), formatDateTime(s.submittedAt)] as [string, string]] : []),
        ]}
      />
      {s.request.dueExplanation && (
        <Text size="sm" c="dimmed">
          {s.request.dueExplanation}
        </Text>
      )}
      {s.status === 'returned' && s.returnReason && (
        <Alert color="red" variant="light" title={t('reporting.returnedTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="return-reason">
            {s.returnReason}
          </Text>
        </Alert>
      )}
      <Group align="flex-start">
        <DocumentLinks base={submissionReportBase(s.id)} docxLabel={t('reporting.submission.docx')} pdfLabel={t('reporting.submission.pdf')} />
        <Button component="a" href={`/api/report-submissions/${s.id}/tables.xlsx`} download variant="default">
          {t('reporting.tablesXlsx')}
        </Button>
      </Group>
      {s.abilities.review && <ReviewPanel submission={s} onReload={() => void query.refetch()} />}
      <Card withBorder>
        <SubmissionForm key={`${s.id}:${s.abilities.edit}`} submission={s} autosaveDelayMs={autosaveDelayMs} />
      </Card>
      <History submission={s} />
    </Stack>
  );
}
