import { Text, Tooltip } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { formatDate } from '../../i18n/dates.js';
import type { CalendarEntry, CalendarEntryKind } from './calendar.types.js';
import { monthWeeks } from './month-grid.js';
import classes from './calendar.module.css';

export const kindClass: Record<CalendarEntryKind, string> = {
  holiday: classes.holiday,
  day_off: classes.dayOff,
  make_up_workday: classes.makeUp,
};

interface MonthGridProps {
  year: number;
  month: number;
  entries: ReadonlyMap<string, CalendarEntry>;
}

/** One month, Monday-first; weekends shaded; entries coloured, with a tooltip (name + source). */
export function MonthGrid({ year, month, entries }: MonthGridProps) {
  const t = useT();
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <table className={classes.month}>
      <caption>{t('calendar.month', { month })}</caption>
      <thead>
        <tr>
          {weekdays.map((day) => (
            <th key={day} scope="col" abbr={day}>
              {day}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week, index) => (
          <tr key={index}>
            {week.map((date, weekday) => {
              if (!date) return <td key={weekday} aria-hidden="true" />;
              const entry = entries.get(date);
              const weekend = weekday >= 5;
              const className = entry ? kindClass[entry.kind] : weekend ? classes.weekend : undefined;
              const day = Number(date.slice(8));
              if (!entry) {
                return (
                  <td key={date} className={className}>
                    {day}
                  </td>
                );
              }
              const label = `${formatDate(date)}: ${entry.name} (${t(`calendar.kind.${entry.kind}`)})`;
              return (
                <td key={date} className={className}>
                  <Tooltip
                    withArrow
                    multiline
                    maw={260}
                    label={
                      <>
                        <Text size="xs" fw={700}>
                          {entry.name}
                        </Text>
                        <Text size="xs">{t(`calendar.kind.${entry.kind}`)}</Text>
                        {entry.source && <Text size="xs">{entry.source}</Text>}
                      </>
                    }
                  >
                    <span tabIndex={0} aria-label={label} className={classes.entryDay}>
                      {day}
                    </span>
                  </Tooltip>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
