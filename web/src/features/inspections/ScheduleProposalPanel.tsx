import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, NumberInput, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptProposalResponse, Placement, ScheduleProposal } from '../../../../shared/api/schedule-proposals.schemas.js';
import { useErrorMessage } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/dates.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { IssueList } from './IssueText.js';
import { inspectionKeys, scheduleConflicts } from './inspections.api.js';
import { TableScroll } from '../../components/TableScroll.js';

const placementKey = (p: Placement) => `${p.agencyId}:${p.teamId}:${p.startsOn}`;

/**
 * "Đề xuất lịch": the server proposes dates for the targets still unscheduled (working days, no
 * conflict, load spread over the months), each placement with its explanation; the office ticks
 * the ones it accepts (all, some or none) and schedules them in one request.
 */
export function ScheduleProposalPanel({ planId }: { planId: string }) {
  const { t, language } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [capacity, setCapacity] = useState<number | string>(1);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [overrideReason, setOverrideReason] = useState('');
  const propose = useMutation({
    mutationFn: () => api.post<ScheduleProposal>('/api/schedule-proposals', { planId, capacityPerTeamPerDay: Number(capacity) || 1 }),
    onSuccess: (p) => setChosen(new Set(p.placements.map(placementKey))),
  });
  const accept = useMutation({
    mutationFn: (placements: Placement[]) =>
      api.post<AcceptProposalResponse>('/api/schedule-proposals/accept', {
        planId,
        placements: placements.map(({ agencyId, teamId, startsOn }) => ({ agencyId, teamId, startsOn })),
        ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
      }),
    onSuccess: () => {
      propose.reset();
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.all });
    },
  });
  const proposal = propose.data;
  const picked = proposal?.placements.filter((p) => chosen.has(placementKey(p))) ?? [];
  const toggle = (key: string) => setChosen((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key])));
  const conflicts = scheduleConflicts(accept.error);
  // A placement the rules refuse only with a reason (a revisit inside the window…) is accepted with one.
  const overridable = conflicts.length > 0 && conflicts.filter((c) => c.severity === 'error').every((c) => c.overridable);

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('proposal.title')}
      </Title>
      <Group align="flex-end">
        <NumberInput label={t('proposal.capacity')} value={capacity} onChange={setCapacity} min={1} max={10} w={200} />
        <Button onClick={() => propose.mutate()} loading={propose.isPending}>
          {t('proposal.run')}
        </Button>
      </Group>
      {propose.error && (
        <Alert color="red" mt="xs">
          {errorMessage(propose.error)}
        </Alert>
      )}
      {accept.isSuccess && (
        <Alert color="green" mt="xs">
          {t('proposal.accepted', { n: accept.data.created })}
        </Alert>
      )}
      {/* The created visits' warnings (a Saturday …), as scheduling one visit shows them. */}
      {accept.isSuccess && accept.data.items.some((i) => i.warnings.length > 0) && (
        <IssueList issues={accept.data.items.flatMap((i) => i.warnings)} title={t('inspections.warnings')} color="yellow" />
      )}
      {proposal && (
        <>
          <Text size="sm" mt="xs">
            {t('proposal.summary', { n: proposal.placements.length, from: formatDate(proposal.from), to: formatDate(proposal.to), unplaced: proposal.unplaced.length })}
          </Text>
          <TableScroll>
            <Table mt="xs" aria-label={t('proposal.placements')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <Checkbox
                      aria-label={t('proposal.all')}
                      checked={picked.length === proposal.placements.length && picked.length > 0}
                      indeterminate={picked.length > 0 && picked.length < proposal.placements.length}
                      onChange={() => setChosen(picked.length === proposal.placements.length ? new Set() : new Set(proposal.placements.map(placementKey)))}
                    />
                  </Table.Th>
                  <Table.Th>{t('inspections.startsOn')}</Table.Th>
                  <Table.Th>{t('inspections.agency')}</Table.Th>
                  <Table.Th>{t('inspections.team')}</Table.Th>
                  <Table.Th>{t('proposal.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.placements.map((p) => (
                  <Table.Tr key={placementKey(p)}>
                    <Table.Td>
                      <Checkbox aria-label={`${p.agencyName} ${formatDate(p.startsOn)}`} checked={chosen.has(placementKey(p))} onChange={() => toggle(placementKey(p))} />
                    </Table.Td>
                    <Table.Td>{formatDate(p.startsOn)}</Table.Td>
                    <Table.Td>{p.agencyName}</Table.Td>
                    <Table.Td>{p.teamName}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{language === 'en' ? p.explanationEn : p.explanation}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {proposal.unplaced.map((u) => (
            <Text size="xs" c="orange" key={u.agencyId}>
              {u.agencyName}: {language === 'en' ? u.reasonEn : u.reason}
            </Text>
          ))}
          {conflicts.length > 0 && <IssueList issues={conflicts} title={t('inspections.conflicts')} color="red" role="alert" />}
          {accept.error && !conflicts.length && <Alert color="red">{errorMessage(accept.error)}</Alert>}
          {(Number(capacity) > 1 || overridable) && <TextInput mt="xs" label={t('inspections.override')} description={t('inspections.overrideHint')} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} />}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={() => propose.reset()}>
              {t('proposal.none')}
            </Button>
            <Button onClick={() => accept.mutate(picked)} disabled={!picked.length} loading={accept.isPending}>
              {t('proposal.accept', { n: picked.length })}
            </Button>
          </Group>
        </>
      )}
    </Card>
  );
}
