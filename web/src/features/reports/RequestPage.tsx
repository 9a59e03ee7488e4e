import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { ReportRequest, SubmissionSummary } from '../../../../shared/api/reports.schemas.js';
import { DetailList } from '../../components/DetailList.js';
import { useClampPage, usePageParam } from '../../components/ListHeader.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, formatDateTime, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { DocumentLinks } from '../plans/DocumentLinks.js';
import { SignModal } from '../plans/SignModal.js';
import { displayStatusColor, displayStatusKey, requestKindKey, requestStatusKey } from './labels.js';
import { CompilationPanel } from './CompilationPanel.js';
import { requestLetterBase, useIssueRequest, useRequest, useSubmissions } from './reports.api.js';
import { CountBadges } from './RequestsPage.js';
import { RequestLetterEditor } from './RequestLetterEditor.js';
import { RequestChangeActions, RequestChangeNotes } from './RequestChanges.js';
import { TableScroll } from '../../components/TableScroll.js';

/** A report still awaited after its due day: missing (its row's mark; the request's count comes from the server). */
const missing = (s: SubmissionSummary, dueOn: string, today: string) => today > dueOn && (s.status === 'not_started' || s.status === 'draft' || s.status === 'returned');

/** Reports a page of the table (paged on the server: a request may go to hundreds of units). */
export const submissionsPageSize = 50;

/** Who has sent their report (on time, late), whose was returned, who is missing; each links to the report. */
function SubmissionsTable({ request, today }: { request: ReportRequest; today: string }) {
  const t = useT();
  const [page, setPage] = usePageParam();
  const submissions = useSubmissions({ requestId: request.id, page, pageSize: submissionsPageSize }, request.status !== 'draft');
  useClampPage(page, submissions.data && !submissions.isPlaceholderData ? Math.ceil(submissions.data.total / submissionsPageSize) : undefined, setPage);
  if (request.status === 'draft') return <Text c="dimmed">{t('reporting.request.notSent')}</Text>;
  if (submissions.isPending) return <Loader size="sm" />;
  if (submissions.error) return <ErrorAlert error={submissions.error} />;
  const { items, total } = submissions.data;
  // Counted by the server over every report of the request, as the statistics count them.
  const late = request.timeliness.missing;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <CountBadges request={request} />
        {request.timeliness.onTime + request.timeliness.late > 0 && (
          <Group gap={4} aria-label={t('reporting.timeliness.label')}>
            <Badge color="blue" variant="outline" tt="none">
              {t('reporting.timeliness.onTime', { n: request.timeliness.onTime })}
            </Badge>
            <Badge color="orange" variant="outline" tt="none">
              {t('reporting.timeliness.late', { n: request.timeliness.late })}
            </Badge>
          </Group>
        )}
        {late > 0 && (
          <Badge color="red" tt="none">
            {t('reporting.request.missing', { n: late })}
          </Badge>
        )}
      </Group>
      <TableScroll>
        <Table striped aria-label={t('reporting.col.reports')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reporting.col.unit')}</Table.Th>
              <Table.Th>{t('reporting.col.status')}</Table.Th>
              <Table.Th>{t('reporting.col.submittedAt')}</Table.Th>
              <Table.Th>{t('reporting.col.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/reports/submissions/${s.id}`}>
                    {s.agencyName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={displayStatusColor[s.displayStatus]}>{t(displayStatusKey(s.displayStatus))}</Badge>
                    {s.status === 'accepted' && s.late !== null && (
                      <Badge color={s.late ? 'orange' : 'blue'} variant="outline" tt="none">
                        {t(s.late ? 'reporting.timeliness.lateShort' : 'reporting.timeliness.onTimeShort')}
                      </Badge>
                    )}
                    {missing(s, request.dueOn, today) && (
                      <Badge color="red" variant="outline" tt="none">
                        {t('reporting.request.overdue')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDateTime(s.submittedAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s.status === 'returned' ? s.returnReason : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('submissionsList.total', { n: total })}
        </Text>
        {total > submissionsPageSize && <Pagination total={Math.ceil(total / submissionsPageSize)} value={page} onChange={setPage} size="sm" />}
      </Group>
    </Stack>
  );
}

/**
 * /reports/requests/:id — one request: its công văn (an ad hoc one: edited and issued here,
 * downloaded as .docx and PDF) and how the units' reports stand.
 */
export function RequestPage({ today = todayIso() }: { today?: string }) {
  const t = useT();
  const { id = '' } = useParams();
  const query = useRequest(id);
  const issue = useIssueRequest(id);
  const [signing, setSigning] = useState(false);
  if (query.isPending) return <Loader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const r = query.data;
  const reload = () => void query.refetch();
  return (
    <Stack>
      <div>
        <Anchor component={Link} to="/reports/requests" size="sm">
          ← {t('reporting.requests.title')}
        </Anchor>
        <Title order={1} size="h2">
          {r.title}
        </Title>
        <Group gap="xs">
          <Badge variant="light">{t(requestKindKey(r.kind))}</Badge>
          <Badge color={r.status === 'open' ? 'blue' : r.status === 'withdrawn' ? 'red' : 'gray'}>{t(requestStatusKey(r.status))}</Badge>
        </Group>
      </div>
      <RequestChangeNotes request={r} />
      <DetailList
        items={[
          [t('reporting.col.owner'), r.ownerAgencyName],
          [t('reporting.col.template'), `${r.templateName} (${t('reporting.revision', { n: r.templateRevision })})`],
          [t('reporting.col.due'), formatDate(r.dueOn)],
          ...(r.periodFrom && r.periodTo ? [[t('reporting.col.period'), `${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}`] as [string, string]] : []),
          ...(r.documentNumber ? [[t('reporting.request.letter'), t('reporting.requests.number', { number: r.documentNumber, date: formatDate(r.issuedOn) })] as [string, string]] : []),
        ]}
      />
      {r.dueExplanation && (
        <Text size="sm" c="dimmed">
          {r.dueExplanation}
        </Text>
      )}
      {r.kind === 'ad_hoc' && (
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('reporting.request.letterTitle')}
            </Title>
            {r.status === 'draft' && (
              <Alert color="yellow" variant="light">
                <Text size="sm">{t('reporting.request.draftLetter')}</Text>
              </Alert>
            )}
            <DocumentLinks base={requestLetterBase(r.id)} docxLabel={t('reporting.request.docx')} pdfLabel={t('reporting.request.pdf')} />
            {r.abilities.issue && (
              <Group>
                <Button onClick={() => setSigning(true)}>{t('reporting.request.issue')}</Button>
              </Group>
            )}
          </Stack>
        </Card>
      )}
      <RequestChangeActions request={r} />
      {r.abilities.issue && r.letter && <RequestLetterEditor key={r.version} request={r} letter={r.letter} onReload={reload} />}
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('reporting.col.reports')}
          </Title>
          {r.abilities.review && r.status !== 'draft' && <CompilationPanel requestId={r.id} />}
        </Group>
        <SubmissionsTable request={r} today={today} />
      </Card>
      {r.letter && (
        <SignModal
          opened={signing}
          title={t('reporting.request.issue')}
          hint={t('reporting.request.issueHint')}
          confirmLabel={t('reporting.request.issue')}
          signature={r.letter.signature}
          registerAgencyId={r.ownerAgencyId}
          pending={issue.isPending}
          error={issue.error}
          onConfirm={({ issuedOn, signature }) => issue.mutate({ version: r.version, issuedOn, ...(signature ? { signature } : {}) }, { onSuccess: () => setSigning(false) })}
          onClose={() => setSigning(false)}
          onReload={() => {
            issue.reset();
            reload();
          }}
        />
      )}
    </Stack>
  );
}
