import { useState } from 'react';
import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { AssignedTaskMove } from '../../../../shared/domain/assigned-task-status.js';
import { DateField } from '../../components/DateField.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { formatDate, formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { useReportProgress, useTask } from './assigned-tasks.api.js';
import { TaskBadges } from './TaskBadges.js';
import { TaskFormModal } from './TaskForm.js';
import { TableScroll } from '../../components/TableScroll.js';

/** One assigned task: what, who, by when, where it stands, its progress notes; report progress. */
export function AssignedTaskPage() {
  const t = useT();
  const { id = '' } = useParams();
  const task = useTask(id);
  const report = useReportProgress(id);
  const errorFor = useFieldErrors(report.error);
  const [note, setNote] = useState('');
  const [completedOn, setCompletedOn] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  if (task.isPending) return <Loader />;
  if (task.error) return <ErrorAlert error={task.error} />;
  const tk = task.data;
  const send = (move?: AssignedTaskMove) =>
    report.mutate(
      { version: tk.version, ...(move ? { move } : {}), ...(note.trim() ? { note } : {}), ...(move === 'complete' && completedOn ? { completedOn } : {}) },
      {
        onSuccess: () => {
          setNote('');
          setCompletedOn(null);
        },
      },
    );
  return (
    <Stack>
      <Anchor component={Link} to="/assigned-tasks" size="sm">
        ← {t('assignedTasks.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{tk.content}</Title>
        {tk.abilities.update && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <div>
        <TaskBadges task={tk} />
      </div>
      <DetailList
        items={[
          [t('assignedTasks.col.source'), `${tk.sourceNumber} — ${formatDate(tk.sourceDate)}`],
          [t('assignedTasks.col.sourceTitle'), tk.sourceTitle ?? '—'],
          [t('assignedTasks.col.assigningAgency'), tk.assigningAgencyName],
          [t('assignedTasks.col.owner'), tk.ownerAgencyName],
          [t('assignedTasks.col.coOwners'), tk.coOwners.map((c) => c.name).join('; ') || '—'],
          [t('assignedTasks.col.deadline'), tk.deadline ? `${formatDate(tk.deadline)}${tk.deadlineExplanation ? ` (${tk.deadlineExplanation})` : ''}` : t('assignedTasks.timeliness.no_deadline')],
          [t('assignedTasks.col.completedOn'), formatDate(tk.completedOn) || '—'],
        ]}
      />
      {tk.abilities.report && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={3}>{t('assignedTasks.progress.title')}</Title>
            <Textarea label={t('assignedTasks.progress.note')} rows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errorFor('note')} />
            {tk.abilities.moves.includes('complete') && <DateField label={t('assignedTasks.progress.completedOn')} value={completedOn} onChange={setCompletedOn} error={errorFor('completedOn')} w={200} />}
            <Group>
              <Button variant="default" onClick={() => send()} loading={report.isPending} disabled={!note.trim()}>
                {t('assignedTasks.progress.addNote')}
              </Button>
              {tk.abilities.moves.map((m) => (
                <Button key={m} onClick={() => send(m)} loading={report.isPending} color={m === 'cancel' ? 'red' : undefined}>
                  {t(`assignedTasks.move.${m}`)}
                </Button>
              ))}
            </Group>
            {report.error && <ErrorAlert error={report.error} onReload={() => void task.refetch()} />}
          </Stack>
        </Paper>
      )}
      <Title order={3}>{t('assignedTasks.notes')}</Title>
      {tk.notes.length === 0 ? (
        <Text c="dimmed">{t('assignedTasks.noNotes')}</Text>
      ) : (
        <TableScroll>
          <Table withTableBorder aria-label={t('assignedTasks.notes')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assignedTasks.notes.at')}</Table.Th>
                <Table.Th>{t('assignedTasks.notes.author')}</Table.Th>
                <Table.Th>{t('assignedTasks.notes.body')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tk.notes.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>{formatDateTime(n.at)}</Table.Td>
                  <Table.Td>{n.authorName}</Table.Td>
                  <Table.Td>
                    {n.statusAfter && <Text size="sm" fw={700}>{t('assignedTasks.notes.moved', { status: t(`assignedTasks.status.${n.statusAfter}`) })}</Text>}
                    {n.body}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {editing && <TaskFormModal task={tk} opened onClose={() => setEditing(false)} />}
    </Stack>
  );
}
