import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api-client.js';
import { useT } from '../../i18n/i18n.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { DeadlineResult } from './calendar.types.js';

type Direction = 'after' | 'before';

/** date ± N working days, computed by the server from the official calendar, with its reasoning. */
export function DeadlineCalculator() {
  const t = useT();
  const [date, setDate] = useState<string | null>(todayIso());
  const [workingDays, setWorkingDays] = useState<number | string>(5);
  const [direction, setDirection] = useState<Direction>('after');
  const calculate = useMutation({
    mutationFn: () =>
      api.get<DeadlineResult>('/api/calendar/deadline', { date, workingDays: Number(workingDays), direction }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (date && workingDays !== '') calculate.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deadline-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="deadline-title">
            {t('calendar.deadline')}
          </Title>
          <Group align="flex-end">
            <DateField label={t('calendar.deadlineDate')} value={date} onChange={setDate} required w={160} />
            <NumberInput
              label={t('calendar.deadlineDays')}
              min={0}
              max={365}
              allowDecimal={false}
              value={workingDays}
              onChange={setWorkingDays}
              w={150}
            />
            <div>
              <Text size="sm" fw={500} id="deadline-direction" mb={4}>
                {t('calendar.deadlineDirection')}
              </Text>
              <SegmentedControl
                aria-labelledby="deadline-direction"
                value={direction}
                onChange={(value) => setDirection(value as Direction)}
                data={[
                  { value: 'after', label: t('calendar.after') },
                  { value: 'before', label: t('calendar.before') },
                ]}
              />
            </div>
            <Button type="submit" loading={calculate.isPending} disabled={!date || workingDays === ''}>
              {t('calendar.calculate')}
            </Button>
          </Group>
          {calculate.error ? <ErrorAlert error={calculate.error} /> : null}
          {calculate.data && (
            <Alert color="blue" variant="light" role="status">
              <Text fw={700}>{t('calendar.deadlineResult', { date: formatDate(calculate.data.date) })}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {calculate.data.explanation}
              </Text>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
