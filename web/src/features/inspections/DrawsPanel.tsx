import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Code, Group, NumberInput, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Draw } from '../../../../shared/api/draws.schemas.js';
import { useErrorMessage } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { api, ApiError } from '../../lib/api-client.js';
import { TableScroll } from '../../components/TableScroll.js';

const drawKeys = { ofPlan: (planId: string) => ['unannounced-draws', planId] as const };
const placeKinds = ['head_office', 'one_stop_desk', 'reception_point'] as const;
const placeKindKey = (k: string): MessageKey => `draws.placeKind.${k}` as MessageKey;

/**
 * The draws of unannounced targets of a plan (commit–reveal): the office draws K places, sees the
 * committed hashes and the result (as secret as the visits), and reveals the seed once every drawn
 * place has been visited — the server says when (abilities.reveal), the page never guesses.
 */
export function DrawsPanel({ planId }: { planId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [k, setK] = useState<number | string>(2);
  const [kinds, setKinds] = useState<string[]>(['one_stop_desk']);
  const [weighting, setWeighting] = useState<'uniform' | 'risk'>('uniform');
  const [reason, setReason] = useState('');
  const draws = useQuery({
    queryKey: drawKeys.ofPlan(planId),
    queryFn: ({ signal }) => api.get<{ items: Draw[] }>('/api/unannounced-draws', { planId }, signal),
    select: (d) => d.items,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: drawKeys.ofPlan(planId) });
  const create = useMutation({
    mutationFn: () => api.post<Draw>('/api/unannounced-draws', { planId, k: Number(k), placeKinds: kinds, weighting, ...(reason.trim() ? { supersedeReason: reason.trim() } : {}) }),
    onSuccess: () => {
      setReason('');
      return refresh();
    },
  });
  // A redraw over an earlier unrevealed draw needs a reason (the server says so with supersede_required); the field stays once asked for.
  const reasonAsked = (create.error instanceof ApiError && create.error.invalidParams.some((p) => p.code === 'supersede_required')) || reason !== '';
  const statusColor = { drawn: 'gray', superseded: 'orange', revealed: 'green' } as const;
  const reveal = useMutation({
    mutationFn: (d: Draw) => api.post<Draw>(`/api/unannounced-draws/${d.id}/reveal`, { version: d.version }),
    onSuccess: refresh,
  });

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('draws.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('draws.hint')}
      </Text>
      <Group align="flex-end" gap="md">
        <NumberInput label={t('draws.k')} value={k} onChange={setK} min={1} max={200} w={120} />
        <Checkbox.Group label={t('draws.placeKinds')} value={kinds} onChange={setKinds}>
          <Group gap="sm" mt={6}>
            {placeKinds.map((pk) => (
              <Checkbox key={pk} value={pk} label={t(placeKindKey(pk))} />
            ))}
          </Group>
        </Checkbox.Group>
        <SegmentedControl
          value={weighting}
          onChange={(v) => setWeighting(v as 'uniform' | 'risk')}
          aria-label={t('draws.weighting')}
          data={[
            { value: 'uniform', label: t('draws.uniform') },
            { value: 'risk', label: t('draws.risk') },
          ]}
        />
        <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!kinds.length || !Number(k)}>
          {t('draws.create')}
        </Button>
      </Group>
      {reasonAsked && (
        <Textarea label={t('draws.supersedeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} minRows={2} mt="xs" required />
      )}
      {create.error && (
        <Alert color="red" mt="xs">
          {errorMessage(create.error)}
        </Alert>
      )}
      {reveal.error && (
        <Alert color="red" mt="xs">
          {errorMessage(reveal.error)}
        </Alert>
      )}
      {draws.data && draws.data.length === 0 && (
        <Text c="dimmed" mt="xs">
          {t('draws.none')}
        </Text>
      )}
      <Stack mt="sm">
        {draws.data?.map((d) => (
          <Card key={d.id} withBorder padding="sm" aria-label={t('draws.one', { date: formatDateTime(d.createdAt) })}>
            <Group justify="space-between">
              <Text fw={600}>
                {t('draws.sequence')} {d.sequence} · {t('draws.one', { date: formatDateTime(d.createdAt) })}
              </Text>
              <Badge color={statusColor[d.status]} tt="none">
                {t(`draws.status.${d.status}`)}
              </Badge>
            </Group>
            {d.supersedeReason && (
              <Text size="sm">
                {t('draws.supersedeReason')}: {d.supersedeReason}
              </Text>
            )}
            <Text size="sm">{t('draws.summary', { k: d.k, n: d.pool.length })}</Text>
            <Text size="xs">
              {t('draws.seedHash')}: <Code>{d.seedHash}</Code>
            </Text>
            <Text size="xs">
              {t('draws.poolHash')}: <Code>{d.poolHash}</Code>
            </Text>
            <TableScroll>
              <Table mt="xs" aria-label={t('draws.drawn')}>
                <Table.Tbody>
                  {d.drawn.map((c, i) => (
                    <Table.Tr key={c.agencyId}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>{c.name}</Table.Td>
                      <Table.Td>{c.unitName}</Table.Td>
                      <Table.Td>{t(placeKindKey(c.kind === 'one_stop_desk' || c.kind === 'reception_point' ? c.kind : 'head_office'))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            {!d.revealedAt && (
              <Group justify="space-between" mt="xs">
                <Text size="sm" c={d.abilities.reveal ? undefined : 'orange'}>
                  {d.abilities.reveal ? t('draws.readyToReveal') : t('draws.waiting', { unvisited: d.unvisitedPlaces, pending: d.pendingVisits })}
                </Text>
                {d.abilities.reveal && (
                  <Button size="xs" onClick={() => reveal.mutate(d)} loading={reveal.isPending}>
                    {t('draws.reveal')}
                  </Button>
                )}
              </Group>
            )}
            {d.revealedAt && (
              <Text size="sm" mt="xs">
                {t('draws.seed')}: <Code>{d.seed}</Code> ·{' '}
                <Anchor component={Link} to={`/verify-draw/${d.id}`}>
                  {t('draws.verifyLink')}
                </Anchor>
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
