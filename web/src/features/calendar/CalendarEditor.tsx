import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api } from '../../lib/api-client.js';
import { useT } from '../../i18n/i18n.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { calendarKey } from './calendar.api.js';
import { calendarEntryKinds, type CalendarEntryKind, type CalendarYear, type PutCalendarBody } from './calendar.types.js';

interface EditableEntry {
  date: string | null;
  kind: CalendarEntryKind;
  name: string;
  source: string;
}

interface CalendarEditorProps {
  calendar: CalendarYear;
  onDone: () => void;
  onReload: () => void;
}

/** Admin editor for one year: the days that differ from Mon–Fri and the year's legal source. */
export function CalendarEditor({ calendar, onDone, onReload }: CalendarEditorProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const [source, setSource] = useState(calendar.source ?? '');
  const [entries, setEntries] = useState<EditableEntry[]>(
    calendar.entries.map((entry) => ({ ...entry })),
  );
  const save = useMutation({
    mutationFn: (body: PutCalendarBody) => api.put<CalendarYear>(`/api/calendar/${calendar.year}`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(calendarKey(calendar.year), saved);
      notifications.show({ color: 'green', message: t('common.saved') });
      onDone();
    },
  });
  const fieldError = useFieldErrors(save.error);
  const update = (index: number, patch: Partial<EditableEntry>) =>
    setEntries((prev) => prev.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      version: calendar.version,
      source: source.trim(),
      entries: entries
        .filter((entry) => entry.date)
        .map((entry) => ({
          date: entry.date!,
          kind: entry.kind,
          name: entry.name.trim(),
          // Each entry names its legal source; an entry left blank inherits the year's.
          source: entry.source.trim() || source.trim(),
        }))
        .sort((a, b) => a.date.localeCompare(b.date)),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-editor-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="calendar-editor-title">
            {t('calendar.editor', { year: calendar.year })}
          </Title>
          <TextInput
            label={t('calendar.yearSource')}
            required
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={fieldError('source')}
          />
          {entries.map((entry, index) => (
            <Group key={index} align="flex-end" gap="xs" wrap="wrap">
              <DateField
                label={`${t('calendar.date')} ${index + 1}`}
                value={entry.date}
                onChange={(date) => update(index, { date })}
                error={fieldError(`entries.${index}.date`)}
                required
                w={150}
              />
              <Select
                label={`${t('calendar.kind')} ${index + 1}`}
                data={calendarEntryKinds.map((kind) => ({ value: kind, label: t(`calendar.kind.${kind}`) }))}
                value={entry.kind}
                allowDeselect={false}
                onChange={(kind) => kind && update(index, { kind: kind as CalendarEntryKind })}
                error={fieldError(`entries.${index}.kind`)}
                w={190}
              />
              <TextInput
                label={`${t('calendar.name')} ${index + 1}`}
                value={entry.name}
                onChange={(e) => update(index, { name: e.currentTarget.value })}
                error={fieldError(`entries.${index}.name`)}
                style={{ flex: 1, minWidth: 180 }}
              />
              <TextInput
                label={`${t('calendar.entrySource')} ${index + 1}`}
                value={entry.source}
                onChange={(e) => update(index, { source: e.currentTarget.value })}
                error={fieldError(`entries.${index}.source`)}
                style={{ flex: 1, minWidth: 160 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={t('calendar.removeEntry', { index: index + 1 })}
                onClick={() => setEntries((prev) => prev.filter((_, i) => i !== index))}
              >
                <span aria-hidden="true">×</span>
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              onClick={() => setEntries((prev) => [...prev, { date: null, kind: 'holiday', name: '', source: '' }])}
            >
              {t('calendar.addEntry')}
            </Button>
          </Group>
          {save.error ? (
            <ErrorAlert
              error={save.error}
              onReload={() => {
                save.reset();
                onReload();
              }}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!source.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
