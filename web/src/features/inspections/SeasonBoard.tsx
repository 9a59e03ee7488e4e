import { useState } from 'react';
import { Badge, Button, Group, Paper, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import { dayNumberToIso, toDayNumber } from '../../../../shared/domain/calendar/dates.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { kindKey, statusColor } from './labels.js';
import { RescheduleDialog } from './RescheduleDialog.js';

/** The Monday of the week a day falls in (a Julian day number modulo 7 is 0 on a Monday). */
export const mondayOf = (iso: string): string => {
  const jd = toDayNumber(iso);
  return dayNumberToIso(jd - (jd % 7));
};

/**
 * Where the board opens for a chosen plan when no start is asked for: this week while the plan is
 * running (today within its period) and has visits still ahead — the week a secretariat works in;
 * otherwise the week of the plan's first visit (a past or future season shows its visits, not an
 * empty month), or the plan period's first day when it has none yet.
 */
export function planBoardStart(p: { today: string; periodFrom: string; periodTo: string; firstVisitOn: string | null; visitsAhead: boolean }): string {
  const month = p.today.slice(0, 7);
  const running = month >= p.periodFrom && month <= p.periodTo;
  if (running && p.visitsAhead) return mondayOf(p.today);
  return mondayOf(p.firstVisitOn ?? `${p.periodFrom}-01`);
}

/**
 * Where the board opens with no plan chosen and no start asked for (review: it opened on today's
 * empty weeks while the list counted 22 visits): this week when a visit matching the filters falls
 * within the board's weeks from it; else the week of the nearest visit ahead; else the weeks ending
 * with the latest visit; this week when no visit matches. `nextVisitOn` is the first visit meeting
 * today or later (one under way may have started before today), `lastVisitOn` the latest before it.
 */
export function filtersBoardStart(p: { today: string; weeks: number; nextVisitOn: string | null; lastVisitOn: string | null }): string {
  const thisWeek = mondayOf(p.today);
  if (p.nextVisitOn) return toDayNumber(p.nextVisitOn) < toDayNumber(thisWeek) + 7 * p.weeks ? thisWeek : mondayOf(p.nextVisitOn);
  if (p.lastVisitOn) return dayNumberToIso(toDayNumber(mondayOf(p.lastVisitOn)) - 7 * (p.weeks - 1));
  return thisWeek;
}

/** Every Monday from the week of `first` to the week of `last` (capped at two years of weeks). */
export function weeksBetween(first: string, last: string): string[] {
  const from = toDayNumber(mondayOf(first));
  const to = toDayNumber(mondayOf(last));
  const weeks: string[] = [];
  for (let d = from; d <= to && weeks.length < 106; d += 7) weeks.push(dayNumberToIso(d));
  return weeks;
}

/**
 * Weeks across, teams down: every inspection a block in its team's row and its week's column.
 * Every week of the range shows (the filter's from/to when given, else the first to the last visit),
 * an empty week too, so the board reads as a calendar.
 */
export function seasonGrid(items: readonly Inspection[], range: { from?: string | null; to?: string | null } = {}) {
  const starts = items.map((i) => i.startsOn).sort();
  const first = range.from ?? starts[0];
  const last = range.to ?? starts[starts.length - 1];
  const weeks = first && last && first <= last ? weeksBetween(first, last) : [];
  const teams = [...new Map(items.map((i) => [i.teamId, i.teamName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  const cell = (teamId: string, week: string) => items.filter((i) => i.teamId === teamId && mondayOf(i.startsOn) === week);
  return { weeks, teams, cell };
}

/**
 * The season board of the standing office (issue 8 §2): blocks linking to each inspection; a
 * block the caller may move (its `reschedule` ability) opens the date dialog in place.
 */
export function SeasonBoard({ items, from, to }: { items: readonly Inspection[]; from?: string | null; to?: string | null }) {
  const t = useT();
  const [moving, setMoving] = useState<Inspection | null>(null);
  const { weeks, teams, cell } = seasonGrid(
    items.filter((i) => i.status !== 'cancelled'),
    { from, to },
  );
  return (
    <ScrollArea>
      <Table withTableBorder withColumnBorders aria-label={t('inspections.viewBoard')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ minWidth: 200, position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1 }}>{t('inspections.team')}</Table.Th>
            {weeks.map((w) => (
              <Table.Th key={w} style={{ minWidth: 170 }}>
                {t('inspections.week', { date: formatDate(w) })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map(([teamId, teamName]) => (
            <Table.Tr key={teamId}>
              <Table.Th scope="row" style={{ minWidth: 200, position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1 }}>
                {teamName}
              </Table.Th>
              {weeks.map((w) => (
                <Table.Td key={w} valign="top">
                  {cell(teamId, w).map((i) => (
                    <Paper key={i.id} withBorder p={4} mb={4}>
                      <Tooltip label={t(kindKey(i.kind))}>
                        <Text size="xs" component={Link} to={`/inspections/${i.id}`} fw={600} style={{ display: 'block' }}>
                          {formatDate(i.startsOn)} · {i.agencyName}
                        </Text>
                      </Tooltip>
                      <Group gap={4} justify="space-between" wrap="nowrap">
                        <Badge size="xs" color={statusColor[i.status]}>
                          {t(kindKey(i.kind))}
                        </Badge>
                        {i.abilities.reschedule && (
                          <Button size="compact-xs" variant="subtle" aria-label={t('board.moveTitle', { agency: i.agencyName })} onClick={() => setMoving(i)}>
                            {t('board.move')}
                          </Button>
                        )}
                      </Group>
                    </Paper>
                  ))}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {moving && <RescheduleDialog inspection={moving} onClose={() => setMoving(null)} />}
    </ScrollArea>
  );
}
