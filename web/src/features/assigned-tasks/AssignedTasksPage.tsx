import { useState } from 'react';
import { Alert, Anchor, Button, Checkbox, FileInput, Group, Loader, Modal, NumberInput, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { assignedTaskStatuses, timelinessValues, type AssignedTaskStatus, type Timeliness } from '../../../../shared/domain/assigned-task-status.js';
import type { TaskImport } from '../../../../shared/api/assigned-tasks.schemas.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { useAgencies } from '../agencies/agencies.api.js';
import { exportUrl, startTaskImport, useTaskImport, useTasks } from './assigned-tasks.api.js';
import { TaskBadges } from './TaskBadges.js';
import { TaskFormModal } from './TaskForm.js';
import { TableScroll } from '../../components/TableScroll.js';

/** The register of tasks assigned by the People's Committee and its Chairman (issue 10 §8). */
export function AssignedTasksPage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<AssignedTaskStatus | null>(null);
  const [timeliness, setTimeliness] = useState<Timeliness | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const filters = { q, status, timeliness, year };
  const list = useTasks({ ...filters, page });
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('assignedTasks.title')}</Title>
        <Group>
          <Anchor href={exportUrl(filters)}>{t('assignedTasks.export')}</Anchor>
          {can('task.manage') && (
            <>
              <Button variant="default" onClick={() => setImporting(true)}>
                {t('assignedTasks.import.open')}
              </Button>
              <Button onClick={() => setCreating(true)}>{t('assignedTasks.new')}</Button>
            </>
          )}
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput label={t('common.search')} value={q} onChange={(e) => reset(setQ)(e.currentTarget.value)} w={260} />
        <Select label={t('assignedTasks.col.status')} clearable data={assignedTaskStatuses.map((s) => ({ value: s, label: t(`assignedTasks.status.${s}`) }))} value={status} onChange={(v) => reset(setStatus)(v as AssignedTaskStatus | null)} w={170} />
        <Select label={t('assignedTasks.col.timeliness')} clearable data={timelinessValues.map((s) => ({ value: s, label: t(`assignedTasks.timeliness.${s}`) }))} value={timeliness} onChange={(v) => reset(setTimeliness)(v as Timeliness | null)} w={170} />
        <NumberInput label={t('assignedTasks.year')} value={year ?? ''} onChange={(v) => reset(setYear)(typeof v === 'number' ? v : null)} w={110} />
      </Group>
      {list.data && (
        <Text size="sm" data-testid="task-counts">
          {t('assignedTasks.counts', { open: list.data.counts.open, overdue: list.data.counts.overdue, completed: list.data.counts.completed })}
        </Text>
      )}
      {list.isPending && <Loader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <TableScroll>
          <Table striped withTableBorder aria-label={t('assignedTasks.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assignedTasks.col.source')}</Table.Th>
                <Table.Th>{t('assignedTasks.col.content')}</Table.Th>
                <Table.Th>{t('assignedTasks.col.owner')}</Table.Th>
                <Table.Th>{t('assignedTasks.col.deadline')}</Table.Th>
                <Table.Th>{t('assignedTasks.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>
                    {task.sourceNumber}
                    <Text size="xs" c="dimmed">
                      {formatDate(task.sourceDate)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/assigned-tasks/${task.id}`}>
                      {task.content}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {task.ownerAgencyName}
                    {task.coOwners.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('assignedTasks.withCoOwners', { names: task.coOwners.map((c) => c.name).join('; ') })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{task.deadline ? formatDate(task.deadline) : t('assignedTasks.timeliness.no_deadline')}</Table.Td>
                  <Table.Td>
                    <TaskBadges task={task} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {list.data && list.data.total > 50 && <Pagination value={page} onChange={setPage} total={Math.ceil(list.data.total / 50)} />}
      {creating && <TaskFormModal opened onClose={() => setCreating(false)} onSaved={(task) => navigate(`/assigned-tasks/${task.id}`)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </Stack>
  );
}

function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const agencies = useAgencies({ kind: 'peoples_committee' });
  const [assigningAgencyId, setAssigning] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [importId, setImportId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const imp = useTaskImport(importId).data;
  const send = async () => {
    if (!file || !assigningAgencyId) return;
    setSending(true);
    setError(null);
    try {
      setImportId((await startTaskImport(file, { assigningAgencyId, dryRun })).id);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('assignedTasks.import.title')} size="xl">
      <Stack>
        <Text size="sm">{t('assignedTasks.import.help')}</Text>
        <Anchor href="/api/assigned-tasks/import-template.xlsx">{t('assignedTasks.import.template')}</Anchor>
        <Select label={t('assignedTasks.col.assigningAgency')} required searchable data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))} value={assigningAgencyId} onChange={setAssigning} />
        <FileInput label={t('assignedTasks.import.file')} accept=".xlsx" value={file} onChange={setFile} clearable />
        <Checkbox label={t('assignedTasks.import.dryRun')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
        <Group>
          <Button onClick={() => void send()} loading={sending} disabled={!file || !assigningAgencyId}>
            {t('assignedTasks.import.submit')}
          </Button>
        </Group>
        {!!error && <ErrorAlert error={error} />}
        {imp && <ImportOutcome imp={imp} />}
      </Stack>
    </Modal>
  );
}

function ImportOutcome({ imp }: { imp: TaskImport }) {
  const t = useT();
  if (imp.status === 'queued' || imp.status === 'running') return <Alert>{t('assignedTasks.import.running')}</Alert>;
  if (imp.status === 'failed') return <Alert color="red">{t('assignedTasks.import.failed')}</Alert>;
  if (imp.status === 'done' && imp.summary) return <Alert color="green">{t(imp.dryRun ? 'assignedTasks.import.doneDry' : 'assignedTasks.import.done', { tasks: imp.summary.tasks })}</Alert>;
  return (
    <>
      <Alert color="red">{t('assignedTasks.import.rejected', { count: imp.errors.length })}</Alert>
      <TableScroll>
        <Table withTableBorder data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assignedTasks.import.row')}</Table.Th>
              <Table.Th>{t('assignedTasks.import.column')}</Table.Th>
              <Table.Th>{t('assignedTasks.import.error')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imp.errors.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{e.row ?? ''}</Table.Td>
                <Table.Td>{e.column ?? ''}</Table.Td>
                <Table.Td>
                  {t(`assignedTasks.import.err.${e.code}`, { value: e.value ?? '', ...e.params })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}
