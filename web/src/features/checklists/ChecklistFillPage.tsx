import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { ChecklistItem } from '../../../../shared/api/checklists.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { FindingFormModal } from '../findings/FindingForm.js';
import { useChecklists, useItemHistory, useRemoveEvidence } from './checklists.api.js';
import { ChecklistItemCard } from './ChecklistItemCard.js';
import { shownItem, useOutbox } from './use-outbox.js';
import { TableScroll } from '../../components/TableScroll.js';

/**
 * /inspections/:id/checklists/:checklistId — one checklist on a phone: items grouped by content
 * group or place, each answered in place; a bar says what waits to be sent.
 */
export function ChecklistFillPage() {
  const { id = '', checklistId = '' } = useParams();
  const t = useT();
  const data = useChecklists(id);
  const outbox = useOutbox(id);
  const removeEvidence = useRemoveEvidence(id);
  const [history, setHistory] = useState<ChecklistItem | null>(null);
  const [findingFrom, setFindingFrom] = useState<ChecklistItem | null>(null);

  if (data.isPending) return <Loader />;
  if (data.error && !data.data) return <ErrorAlert error={data.error} />;
  const checklist = data.data!.items.find((c) => c.id === checklistId);
  if (!checklist) return <Alert color="gray">{t('checklists.notFound')}</Alert>;
  const abilities = data.data!.abilities;
  const items = checklist.items.map((i) => shownItem(i, outbox.pending));
  const answered = items.filter((i) => (i.answerType === 'rating' ? i.rating : i.answerType === 'number' ? i.numberValue !== null : i.textValue)).length;
  const waiting = outbox.pending.filter((o) => o.failedCode === null).length;

  return (
    <Stack gap="sm" maw={720}>
      <Anchor component={Link} to={`/inspections/${id}`} size="sm">
        ← {t('checklists.backToInspection')}
      </Anchor>
      <Title order={1} size="h3">
        {checklist.name}
      </Title>
      <Stack gap={4} pos="sticky" top={60} bg="var(--mantine-color-body)" py={4} style={{ zIndex: 2 }}>
        <Group justify="space-between">
          <Text size="sm">{t('checklists.progress', { answered, total: checklist.total })}</Text>
          <SyncBadge waiting={waiting} online={outbox.online} onRetry={outbox.retry} />
        </Group>
        <Progress value={checklist.total ? (answered / checklist.total) * 100 : 0} size="sm" aria-hidden />
      </Stack>
      {!abilities.fill && <Alert color="gray">{t('checklists.readOnly')}</Alert>}
      {checklist.groups.map((g) => (
        <Stack key={g.code} gap="xs" component="section" aria-label={g.title}>
          <Title order={2} size="h5" mt="sm">
            {g.title}
          </Title>
          {items
            .filter((i) => i.groupCode === g.code)
            .map((item) => (
              <ChecklistItemCard
                key={item.id}
                item={item}
                pending={outbox.pending}
                outbox={outbox}
                canFill={abilities.fill}
                onRecordFinding={abilities.recordFindings ? setFindingFrom : undefined}
                onHistory={setHistory}
                onRemoveEvidence={(e) => removeEvidence.mutate(e)}
              />
            ))}
        </Stack>
      ))}
      <HistoryModal item={history} onClose={() => setHistory(null)} />
      {findingFrom && (
        <FindingFormModal
          inspectionId={id}
          opened
          onClose={() => setFindingFrom(null)}
          fromItem={findingFrom}
          groups={data.data!.items.flatMap((c) => c.groups)}
          evidence={findingFrom.evidence}
        />
      )}
    </Stack>
  );
}

function SyncBadge({ waiting, online, onRetry }: { waiting: number; online: boolean; onRetry: () => void }) {
  const t = useT();
  if (waiting === 0)
    return (
      <Badge color="green" variant="light" role="status">
        {t('checklists.sync.saved')}
      </Badge>
    );
  return (
    <Group gap="xs" role="status">
      <Badge color="orange" variant="light">
        {t('checklists.sync.pending', { count: waiting })}
      </Badge>
      {!online && (
        <Button size="compact-xs" variant="subtle" onClick={onRetry}>
          {t('checklists.sync.retry')}
        </Button>
      )}
      {!online && (
        <Text size="xs" c="dimmed" w="100%">
          {t('checklists.sync.offline')}
        </Text>
      )}
    </Group>
  );
}

function HistoryModal({ item, onClose }: { item: ChecklistItem | null; onClose: () => void }) {
  const t = useT();
  const history = useItemHistory(item?.id ?? null);
  return (
    <Modal opened={!!item} onClose={onClose} title={t('checklists.history.title')} size="lg">
      {history.isPending ? (
        <Loader />
      ) : history.error ? (
        <ErrorAlert error={history.error} />
      ) : history.data.items.length === 0 ? (
        <Text>{t('checklists.history.none')}</Text>
      ) : (
        <TableScroll>
          <Table>
            <Table.Tbody>
              {history.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(r.editedAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {r.editedByName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {[r.rating ? t(`checklists.rating.${r.rating as 'met'}`) : null, r.numberValue, r.textValue, r.note].filter((v) => v !== null && v !== '').join(' · ')}
                    </Text>
                    {r.conflictWithVersion !== null && (
                      <Text size="xs" c="orange">
                        {t('checklists.history.conflict', { version: r.conflictWithVersion })}
                        {r.itemVersion === null ? ` (${t('checklists.history.notShown')})` : ''}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Modal>
  );
}
