import { useMemo, useState } from 'react';
import { Badge, Button, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n/i18n.js';
import { currentYear, formatDate } from '../../i18n/dates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useSession } from '../../auth/session.js';
import { useCalendarYear } from './calendar.api.js';
import { calendarEntryKinds, type CalendarEntry } from './calendar.types.js';
import { MonthGrid, kindClass } from './MonthGrid.js';
import { CalendarEditor } from './CalendarEditor.js';
import { DeadlineCalculator } from './DeadlineCalculator.js';
import classes from './calendar.module.css';

function parseYear(raw: string | undefined): number {
  const year = Number(raw);
  return Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : currentYear();
}

/** /calendar/:year? — the working-day calendar of one year, its entries, editor and calculator. */
export function CalendarPage() {
  const t = useT();
  const { year: rawYear } = useParams();
  const year = parseYear(rawYear);
  const { can } = useSession();
  const calendar = useCalendarYear(year);
  const [editingYear, setEditingYear] = useState<number | null>(null);
  const entries = useMemo(
    () => new Map<string, CalendarEntry>((calendar.data?.entries ?? []).map((entry) => [entry.date, entry])),
    [calendar.data],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('calendar.title', { year })}
        </Title>
        <Group gap="xs">
          <Button component={Link} to={`/calendar/${year - 1}`} variant="default">
            ← {t('calendar.prevYear')}
          </Button>
          <Button component={Link} to={`/calendar/${year + 1}`} variant="default">
            {t('calendar.nextYear')} →
          </Button>
        </Group>
      </Group>

      {calendar.error ? <ErrorAlert error={calendar.error} /> : null}
      {calendar.isPending && <Loader />}
      {calendar.data && (
        <>
          <Group gap="sm">
            {calendar.data.official ? (
              <Badge color="green" variant="light" c="#1e6b30" tt="none">
                {t('calendar.official')}
              </Badge>
            ) : (
              <Badge color="orange" variant="light" c="#a33d00" tt="none">
                {t('calendar.provisional')}
              </Badge>
            )}
            {calendar.data.source && (
              <Text size="sm">
                {t('calendar.source')}: {calendar.data.source}
              </Text>
            )}
            {can('calendar.update') && editingYear !== year && (
              <Button size="xs" variant="light" onClick={() => setEditingYear(year)}>
                {t('calendar.openEditor')}
              </Button>
            )}
          </Group>

          <Group gap="md" aria-label={t('calendar.legend')} role="group">
            <LegendItem className={classes.weekend} label={t('calendar.weekend')} />
            {calendarEntryKinds.map((kind) => (
              <LegendItem key={kind} className={kindClass[kind]} label={t(`calendar.kind.${kind}`)} />
            ))}
          </Group>

          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="lg">
            {Array.from({ length: 12 }, (_, i) => (
              <MonthGrid key={i} year={year} month={i + 1} entries={entries} />
            ))}
          </SimpleGrid>

          {editingYear === year && (
            <CalendarEditor
              key={calendar.data.version ?? 'new'}
              calendar={calendar.data}
              onDone={() => setEditingYear(null)}
              onReload={() => void calendar.refetch()}
            />
          )}

          <Title order={2} size="h4">
            {t('calendar.entries')}
          </Title>
          {calendar.data.entries.length === 0 ? (
            <Text c="dimmed">{t('calendar.noEntries')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped aria-label={t('calendar.entries')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('calendar.date')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.kind')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.name')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.entrySource')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {calendar.data.entries.map((entry) => (
                    <Table.Tr key={entry.date}>
                      <Table.Td>{formatDate(entry.date)}</Table.Td>
                      <Table.Td>
                        <span className={`${classes.swatch} ${kindClass[entry.kind]}`} aria-hidden="true" />{' '}
                        {t(`calendar.kind.${entry.kind}`)}
                      </Table.Td>
                      <Table.Td>{entry.name}</Table.Td>
                      <Table.Td>{entry.source || t('common.none')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}

      <DeadlineCalculator />
    </Stack>
  );
}

function LegendItem({ className, label }: { className: string; label: string }) {
  return (
    <Group gap={6}>
      <span className={`${classes.swatch} ${className}`} aria-hidden="true" />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
