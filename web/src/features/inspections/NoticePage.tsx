import { useState } from 'react';
import { Alert, Anchor, Badge, Checkbox, Fieldset, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, Button } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { Notice, NoticeContent } from '../../../../shared/api/notices.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { DocumentLinks } from '../plans/DocumentLinks.js';
import { useNotifySuccess } from '../plans/notify.js';
import { inspectionKeys, useInspections } from './inspections.api.js';
import { PlacesField } from './PlacesField.js';
import { IssueNoticeModal } from './NoticesPanel.js';
import { TableScroll } from '../../components/TableScroll.js';

export const noticeDetailKey = (id: string) => ['inspection-notices', 'detail', id] as const;
const noticePath = (id: string) => `/api/inspection-notices/${encodeURIComponent(id)}`;
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * /notices/:id — one schedule notice (Thông báo lịch kiểm tra). A draft, for the office that may
 * edit it (`abilities.update`), is a form: the inspections it covers with their time, places and
 * attendees, its texts, the annex (report outline) and the signature form; saved with its version
 * (409 on a stale one). An issued notice is read-only, as it was issued.
 */
export function NoticePage() {
  const t = useT();
  const { id = '' } = useParams();
  const notice = useQuery({ queryKey: noticeDetailKey(id), queryFn: ({ signal }) => api.get<Notice>(noticePath(id), undefined, signal) });
  const queryClient = useQueryClient();
  // Issued here as from the schedule page: the same dialog and rules; whoever the server lets (abilities.issue).
  const [issuing, setIssuing] = useState(false);
  return (
    <Stack>
      <Anchor component={Link} to="/inspections" size="sm">
        ← {t('noticePage.back')}
      </Anchor>
      {notice.error ? <ErrorAlert error={notice.error} /> : null}
      {notice.isPending && <Loader aria-label={t('app.loading')} />}
      {notice.data?.abilities.issue && notice.data.status === 'draft' && (
        <Group justify="flex-end">
          <Button color="blue" onClick={() => setIssuing(true)}>
            {t('notices.issue')}
          </Button>
        </Group>
      )}
      {issuing && notice.data && (
        <IssueNoticeModal
          notice={notice.data}
          onClose={() => setIssuing(false)}
          onIssued={() => Promise.all([notice.refetch(), queryClient.invalidateQueries({ queryKey: ['inspection-notices'] }), queryClient.invalidateQueries({ queryKey: inspectionKeys.all })])}
        />
      )}
      {notice.data && (notice.data.abilities.update ? <NoticeEditor key={notice.data.version} notice={notice.data} onReload={() => void notice.refetch()} /> : <NoticeReadView notice={notice.data} />)}
    </Stack>
  );
}

function NoticeHeader({ notice }: { notice: Notice }) {
  const t = useT();
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={1} size="h2">
          {notice.status === 'issued' ? t('noticePage.issuedTitle', { number: notice.documentNumber ?? '', date: formatDate(notice.issuedOn) }) : t('noticePage.draftTitle')}
        </Title>
        <Text c="dimmed">
          {notice.issuingAgencyName} · {notice.content.summary}
        </Text>
      </div>
      <Badge color={notice.status === 'issued' ? 'blue' : 'gray'}>{t(notice.status === 'issued' ? 'notices.status.issued' : 'notices.status.draft')}</Badge>
    </Group>
  );
}

function NoticeReadView({ notice }: { notice: Notice }) {
  const t = useT();
  const c = notice.content;
  const sig = c.signature;
  return (
    <Stack>
      <NoticeHeader notice={notice} />
      {notice.status === 'issued' && <Alert color="blue">{t('noticePage.readOnly')}</Alert>}
      <Paper withBorder p="md">
        <Stack gap="sm">
          {c.legalBases.map((l, i) => (
            <Text key={i} fs="italic">
              {l}
            </Text>
          ))}
          <Text>{c.introduction}</Text>
          <TableScroll>
            <Table aria-label={t('noticePage.items')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('noticePage.unit')}</Table.Th>
                  <Table.Th>{t('noticePage.date')}</Table.Th>
                  <Table.Th>{t('inspections.places')}</Table.Th>
                  <Table.Th>{t('noticePage.attendees')}</Table.Th>
                  <Table.Th>{t('noticePage.reportDue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {notice.items.map((i) => (
                  <Table.Tr key={i.inspectionId}>
                    <Table.Td>
                      {i.canOpen ? (
                        <Anchor component={Link} to={`/inspections/${i.inspectionId}`}>
                          {i.agencyName}
                        </Anchor>
                      ) : (
                        i.agencyName
                      )}
                      {i.changedAfterIssue && (
                        <Badge color="orange" variant="light" display="block" mt={4} style={{ whiteSpace: 'normal', height: 'auto' }}>
                          {t('noticePage.changedAfterIssue')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {formatDate(i.startsOn)}
                      {i.endsOn !== i.startsOn ? ` – ${formatDate(i.endsOn)}` : ''}
                      {i.startTime ? `, ${i.startTime}` : ''}
                    </Table.Td>
                    <Table.Td>{i.places.join('; ')}</Table.Td>
                    <Table.Td>{i.attendees}</Table.Td>
                    <Table.Td>{i.reportDueExplanation ?? formatDate(i.reportDueOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {c.requests.map((l, i) => (
            <Text key={i}>{l}</Text>
          ))}
          <Title order={2} size="h4">
            {t('noticePage.outline')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{c.outline}</Text>
          <Text fw={700} ta="right">
            {[sig.authority, sig.onBehalfOf, sig.position].filter(Boolean).join(' / ')} — {sig.signerName}
          </Text>
        </Stack>
      </Paper>
      <DocumentLinks base={`/api/documents/inspection-notice/${notice.id}`} docxLabel={t('notices.download')} pdfLabel={t('plans.downloadPdf')} previewTitle={t('notices.title')} />
    </Stack>
  );
}

interface Row {
  included: boolean;
  attendees: string;
  startTime: string;
  places: string[];
}

function NoticeEditor({ notice, onReload }: { notice: Notice; onReload: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const notifySuccess = useNotifySuccess();
  const inspections = useInspections({ planId: notice.planId });
  const c = notice.content;
  const [summary, setSummary] = useState(c.summary);
  const [legalBases, setLegalBases] = useState(c.legalBases.join('\n'));
  const [introduction, setIntroduction] = useState(c.introduction);
  const [requests, setRequests] = useState(c.requests.join('\n'));
  const [outline, setOutline] = useState(c.outline);
  const [recipients, setRecipients] = useState(c.recipients.join('\n'));
  const [signature, setSignature] = useState({ authority: c.signature.authority ?? '', onBehalfOf: c.signature.onBehalfOf ?? '', position: c.signature.position, signerName: c.signature.signerName });
  const [rows, setRows] = useState<Record<string, Row>>({});
  const inNotice = new Map(notice.items.map((i) => [i.inspectionId, i]));
  // The candidates: announced visits of the plan still planned (those of this draft among them), by date.
  const candidates = (inspections.data?.items ?? []).filter((i) => i.kind === 'announced' && (i.status === 'planned' || inNotice.has(i.id)));
  const rowOf = (i: Inspection): Row => rows[i.id] ?? { included: inNotice.has(i.id), attendees: inNotice.get(i.id)?.attendees ?? '', startTime: i.startTime ?? '', places: i.places.map((p) => p.agencyId) };
  const setRow = (i: Inspection, change: Partial<Row>) => setRows((all) => ({ ...all, [i.id]: { ...rowOf(i), ...change } }));
  const chosen = candidates.filter((i) => rowOf(i).included);

  const save = useMutation({
    mutationFn: async () => {
      // Time and places belong to the inspection (planned: editable, versioned): they go with the
      // notice in one request, saved in one transaction — a refused save changes nothing.
      const item = (i: Inspection) => {
        const row = rowOf(i);
        const placesChanged = row.places.join() !== i.places.map((p) => p.agencyId).join();
        const timeChanged = (row.startTime || null) !== i.startTime;
        return {
          inspectionId: i.id,
          ...(row.attendees.trim() ? { attendees: row.attendees.trim() } : {}),
          ...(placesChanged || timeChanged ? { inspectionVersion: i.version } : {}),
          ...(timeChanged ? { startTime: row.startTime || null } : {}),
          ...(placesChanged ? { places: row.places } : {}),
        };
      };
      const content: Partial<NoticeContent> = {
        summary,
        legalBases: lines(legalBases),
        introduction,
        requests: lines(requests),
        outline,
        recipients: lines(recipients),
        signature: { ...(signature.authority.trim() ? { authority: signature.authority.trim() } : {}), ...(signature.onBehalfOf.trim() ? { onBehalfOf: signature.onBehalfOf.trim() } : {}), position: signature.position, signerName: signature.signerName },
      };
      return api.patch<Notice>(noticePath(notice.id), { version: notice.version, items: chosen.map(item), content });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(noticeDetailKey(notice.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['inspection-notices', saved.planId] });
      notifySuccess(t('noticePage.saved'));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: inspectionKeys.all }),
  });
  const fieldError = useFieldErrors(save.error);
  const sigField = (key: keyof typeof signature, label: string) => (
    <TextInput label={label} value={signature[key]} onChange={(e) => setSignature({ ...signature, [key]: e.currentTarget.value })} error={fieldError(`content.signature.${key}`)} />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <NoticeHeader notice={notice} />
        <Fieldset legend={t('noticePage.items')}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('noticePage.itemsHint')}
          </Text>
          {inspections.error ? <ErrorAlert error={inspections.error} /> : null}
          {inspections.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
          <Stack gap="sm">
            {candidates.map((i) => (
              <ItemEditor key={i.id} inspection={i} row={rowOf(i)} onChange={(change) => setRow(i, change)} />
            ))}
          </Stack>
          {inspections.data && !chosen.length && (
            <Text c="red" size="sm" role="alert">
              {t('noticePage.noItems')}
            </Text>
          )}
        </Fieldset>
        <Fieldset legend={t('noticePage.texts')}>
          <Stack>
            <TextInput label={t('plans.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={fieldError('content.summary')} required />
            <Textarea label={t('plans.legalBases')} rows={2} value={legalBases} onChange={(e) => setLegalBases(e.currentTarget.value)} error={fieldError('content.legalBases')} />
            <Textarea label={t('noticePage.introduction')} rows={2} value={introduction} onChange={(e) => setIntroduction(e.currentTarget.value)} error={fieldError('content.introduction')} />
            <Textarea label={t('noticePage.requests')} rows={3} value={requests} onChange={(e) => setRequests(e.currentTarget.value)} error={fieldError('content.requests')} />
            <Textarea label={t('noticePage.outline')} rows={6} value={outline} onChange={(e) => setOutline(e.currentTarget.value)} error={fieldError('content.outline')} />
            <Textarea label={t('plans.recipients')} rows={3} value={recipients} onChange={(e) => setRecipients(e.currentTarget.value)} error={fieldError('content.recipients')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('noticePage.signature')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {sigField('authority', t('plans.signer.authority'))}
            {sigField('onBehalfOf', t('plans.signer.onBehalfOf'))}
            {sigField('position', t('plans.signer.position'))}
            {sigField('signerName', t('plans.signer.name'))}
          </SimpleGrid>
        </Fieldset>
        {save.error ? <ErrorAlert error={save.error} onReload={onReload} /> : null}
        <Group justify="space-between">
          <DocumentLinks base={`/api/documents/inspection-notice/${notice.id}`} docxLabel={t('notices.download')} pdfLabel={t('plans.downloadPdf')} previewTitle={t('notices.title')} />
          <Button type="submit" loading={save.isPending} disabled={!chosen.length}>
            {t('noticePage.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ItemEditor({ inspection: i, row, onChange }: { inspection: Inspection; row: Row; onChange: (change: Partial<Row>) => void }) {
  const t = useT();
  return (
    <Paper withBorder p="sm">
      <Checkbox
        label={`${i.agencyName} — ${formatDate(i.startsOn)}${i.endsOn !== i.startsOn ? ` – ${formatDate(i.endsOn)}` : ''} · ${i.teamName}`}
        aria-label={t('noticePage.include', { agency: i.agencyName })}
        checked={row.included}
        onChange={(e) => onChange({ included: e.currentTarget.checked })}
      />
      {row.included && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          <TextInput label={t('inspections.startTime')} value={row.startTime} onChange={(e) => onChange({ startTime: e.currentTarget.value })} placeholder="08:00" />
          <PlacesField agencyId={i.agencyId} value={row.places} onChange={(places) => onChange({ places })} known={i.places} label={t('inspections.places')} size="xs" />
          <TextInput label={t('noticePage.attendees')} placeholder={t('noticePage.attendeesDefault')} value={row.attendees} onChange={(e) => onChange({ attendees: e.currentTarget.value })} />
        </SimpleGrid>
      )}
      {row.included && i.reportDueExplanation && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('noticePage.reportDue')}: {i.reportDueExplanation}
        </Text>
      )}
    </Paper>
  );
}
