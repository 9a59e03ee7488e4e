import { Badge, Paper, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import { dayNumberToIso, toDayNumber } from '../../../../shared/domain/calendar/dates.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { kindKey, statusColor } from './labels.js';

/** The Monday of the week a day falls in (a Julian day number modulo 7 is 0 on a Monday). */
export const mondayOf = (iso: string): string => {
  const jd = toDayNumber(iso);
  return dayNumberToIso(jd - (jd % 7));
};

/** Weeks across, teams down: every inspection a block in its team's row and its week's column. */
export function seasonGrid(items: readonly Inspection[]) {
  const weeks = [...new Set(items.map((i) => mondayOf(i.startsOn)))].sort();
  const teams = [...new Map(items.map((i) => [i.teamId, i.teamName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  const cell = (teamId: string, week: string) => items.filter((i) => i.teamId === teamId && mondayOf(i.startsOn) === week);
  return { weeks, teams, cell };
}

/** The season board of the standing office (issue 8 §2): read-only blocks linking to each inspection. */
export function SeasonBoard({ items }: { items: readonly Inspection[] }) {
  const t = useT();
  const { weeks, teams, cell } = seasonGrid(items.filter((i) => i.status !== 'cancelled'));
  return (
    <ScrollArea>
      <Table withTableBorder withColumnBorders aria-label={t('inspections.viewBoard')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inspections.team')}</Table.Th>
            {weeks.map((w) => (
              <Table.Th key={w} style={{ minWidth: 160 }}>
                {t('inspections.week', { date: formatDate(w) })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map(([teamId, teamName]) => (
            <Table.Tr key={teamId}>
              <Table.Th scope="row">{teamName}</Table.Th>
              {weeks.map((w) => (
                <Table.Td key={w} valign="top">
                  {cell(teamId, w).map((i) => (
                    <Paper key={i.id} withBorder p={4} mb={4}>
                      <Tooltip label={t(kindKey(i.kind))}>
                        <Text size="xs" component={Link} to={`/inspections/${i.id}`} fw={600} style={{ display: 'block' }}>
                          {formatDate(i.startsOn)} · {i.agencyName}
                        </Text>
                      </Tooltip>
                      <Badge size="xs" color={statusColor[i.status]}>
                        {t(kindKey(i.kind))}
                      </Badge>
                    </Paper>
                  ))}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
