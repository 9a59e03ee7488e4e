import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Notice } from '../../../../shared/api/notices.schemas.js';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import { DateField } from '../../components/DateField.js';
import { useErrorMessage } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useLastInRegisterHint } from '../../components/last-in-register.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { IssueList } from './IssueText.js';
import { useSession } from '../../auth/session.js';
import { usePlan } from '../plans/plans.api.js';
import { api } from '../../lib/api-client.js';
import { scheduleConflicts } from './inspections.api.js';
import { TableScroll } from '../../components/TableScroll.js';

const noticeKeys = { ofPlan: (planId: string) => ['inspection-notices', planId] as const };

/**
 * The schedule notices of a plan (Thông báo lịch kiểm tra): the office drafts one for the announced
 * visits still without a notice, downloads the draft, and issues it (TB number, units told).
 */
export function NoticesPanel({ planId, inspections, canSchedule }: { planId: string; inspections: readonly Inspection[]; canSchedule: boolean }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const notices = useQuery({
    queryKey: noticeKeys.ofPlan(planId),
    queryFn: ({ signal }) => api.get<{ items: Notice[] }>('/api/inspection-notices', { planId }, signal),
    select: (d) => d.items,
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: noticeKeys.ofPlan(planId) }), queryClient.invalidateQueries({ queryKey: ['inspections'] })]);
  // Announced visits still to notify and in no draft yet (a visit is in one draft at most).
  const inDraft = new Set((notices.data ?? []).filter((n) => n.status === 'draft').flatMap((n) => n.items.map((i) => i.inspectionId)));
  const pending = inspections.filter((i) => i.kind === 'announced' && i.status === 'planned' && !inDraft.has(i.id));
  // Issued by the plan's People's Committee, or by the standing office under its own name (TL./TUQ.).
  const { session } = useSession();
  const plan = usePlan(planId);
  const issuers = plan.data
    ? [
        { value: plan.data.issuingAgencyId, label: plan.data.issuingAgencyName },
        ...(session?.roles ?? []).filter((r) => r.role === 'secretariat' && r.agencyId !== plan.data.issuingAgencyId).map((r) => ({ value: r.agencyId, label: r.agencyName })),
      ].filter((o, n, all) => all.findIndex((x) => x.value === o.value) === n)
    : [];
  const [issuingAgencyId, setIssuingAgencyId] = useState<string | null>(null);
  const draft = useMutation({
    mutationFn: () =>
      api.post<Notice>('/api/inspection-notices', { planId, ...(issuingAgencyId ? { issuingAgencyId } : {}), items: pending.map((i) => ({ inspectionId: i.id })) }),
    onSuccess: refresh,
  });
  const [issuing, setIssuing] = useState<Notice | null>(null);

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('notices.title')}
        </Title>
        {canSchedule && (
          <Group gap="xs" align="flex-end">
            {issuers.length > 1 && (
              <Select
                size="xs"
                label={t('notices.issuer')}
                data={issuers}
                value={issuingAgencyId ?? issuers[0].value}
                onChange={setIssuingAgencyId}
                allowDeselect={false}
                w={260}
              />
            )}
            <Button size="xs" onClick={() => draft.mutate()} disabled={!pending.length} loading={draft.isPending}>
              {t('notices.draft', { n: pending.length })}
            </Button>
          </Group>
        )}
      </Group>
      {draft.error && <Alert color="red">{errorMessage(draft.error)}</Alert>}
      {notices.data && notices.data.length === 0 && <Text c="dimmed">{t('notices.none')}</Text>}
      {notices.data && notices.data.length > 0 && (
        <TableScroll>
          <Table aria-label={t('notices.title')}>
            <Table.Tbody>
              {notices.data.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <Text fw={600}>{n.documentNumber ?? t('notices.status.draft')}</Text>
                    <Text size="xs" c="dimmed">
                      {n.items.map((i) => `${i.agencyName} (${formatDate(i.startsOn)})`).join('; ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={n.status === 'issued' ? 'blue' : 'gray'}>{t(n.status === 'issued' ? 'notices.status.issued' : 'notices.status.draft')}</Badge>
                    {n.issuedOn ? ` ${formatDate(n.issuedOn)}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Anchor component={Link} to={`/notices/${n.id}`}>
                        {n.abilities.update ? t('common.edit') : t('notices.open')}
                      </Anchor>
                      <Anchor href={`/api/documents/inspection-notice/${n.id}.docx`}>{t('notices.download')}</Anchor>
                      {n.abilities.issue && (
                        <Button size="xs" onClick={() => setIssuing(n)}>
                          {t('notices.issue')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {issuing && <IssueNoticeModal notice={issuing} onClose={() => setIssuing(null)} onIssued={refresh} />}
    </Card>
  );
}

/** Issuing a draft notice: the date, the signer, an override reason for a lead-time conflict (also on /notices/:id). */
export function IssueNoticeModal({ notice, onClose, onIssued }: { notice: Notice; onClose: () => void; onIssued: () => Promise<unknown> }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  // Issued on or before today and before its first visit: recording an earlier season, the day is chosen.
  const firstVisit = notice.items.map((i) => i.startsOn).sort()[0];
  const latest = firstVisit && firstVisit < todayIso() ? firstVisit : todayIso();
  const [issuedOn, setIssuedOn] = useState<string | null>(latest === todayIso() ? latest : null);
  const [signerName, setSignerName] = useState(notice.content.signature.signerName);
  const [overrideReason, setOverrideReason] = useState('');
  const issue = useMutation({
    mutationFn: () =>
      api.post<Notice>(`/api/inspection-notices/${notice.id}/issue`, {
        version: notice.version,
        issuedOn,
        signature: { ...notice.content.signature, signerName },
        ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
      }),
    onSuccess: async () => {
      await onIssued();
      onClose();
    },
  });
  const conflicts = scheduleConflicts(issue.error);
  // A refused field (the issue date after a visit, the signature's form) is marked on the field itself.
  const fieldError = useFieldErrors(issue.error);
  const signatureError = ['signature.authority', 'signature.onBehalfOf', 'signature.position', 'signature.signerName'].map(fieldError).find(Boolean);
  const marked = !!fieldError('issuedOn') || !!signatureError;
  // The issuer's register: its last number and date, the earliest day this notice may take (numbers follow dates).
  const lastInRegister = useLastInRegisterHint(notice.issuingAgencyId, issuedOn ?? latest);
  return (
    <Modal opened onClose={onClose} title={t('notices.issue')}>
      <Stack>
        <DateField label={t('notices.issuedOn')} value={issuedOn} onChange={setIssuedOn} required maxDate={latest} error={fieldError('issuedOn')} description={lastInRegister} />
        <TextInput label={t('notices.signer')} value={signerName} onChange={(e) => setSignerName(e.currentTarget.value)} required error={signatureError} />
        {conflicts.length > 0 && (
          <>
            <IssueList issues={conflicts} title={t('inspections.conflicts')} color="red" />
            <TextInput label={t('notices.override')} description={t('inspections.overrideHint')} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} />
          </>
        )}
        {issue.error && !conflicts.length && !marked && <Alert color="red">{errorMessage(issue.error)}</Alert>}
        <Button onClick={() => issue.mutate()} loading={issue.isPending} disabled={!issuedOn || !signerName.trim()}>
          {t('notices.issue')}
        </Button>
      </Stack>
    </Modal>
  );
}
