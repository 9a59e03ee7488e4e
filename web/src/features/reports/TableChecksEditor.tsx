import { ActionIcon, Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { TemplateTable } from '../../../../shared/api/reports.schemas.js';
import type { TableCheck } from '../../../../shared/domain/report-checks.js';
import { numericTypes } from '../../../../shared/domain/report-tables.js';
import { useT } from '../../i18n/i18n.js';

/** The keys a check may name: numeric columns (across columns) or fixed rows (across rows). */
function choices(table: TemplateTable, across: TableCheck['across']): { key: string; label: string }[] {
  if (across === 'rows') return (table.fixedRows ?? []).map((r, i) => ({ key: r.key, label: r.label || `#${i + 1}` }));
  return table.columns.filter((c) => numericTypes.includes(c.type)).map((c, i) => ({ key: c.key, label: c.label || `#${i + 1}` }));
}

/** A table's checks with what no longer exists taken out (after a column or row is removed). */
export function prunedChecks(table: TemplateTable): TemplateTable['checks'] {
  const checks = (table.checks ?? []).flatMap((check) => {
    const valid = new Set(choices(table, check.across).map((c) => c.key));
    const parts = check.parts.filter((p) => valid.has(p));
    if (!valid.has(check.whole) || !parts.length) return [];
    const columns = check.in?.filter((k) => table.columns.some((c) => c.key === k));
    return [{ ...check, parts, ...(check.in ? { in: columns?.length ? columns : undefined } : {}) }];
  });
  return checks.length ? checks : undefined;
}

/**
 * The cross-field checks of one table (shared/domain/report-checks.ts), edited as data: the sum
 * of the chosen columns (or rows) is at most another. Checked by the server on submit and on the
 * .xlsx import, and under the cell as the unit types.
 */
export function TableChecksEditor({ table, onChange, position }: { table: TemplateTable; onChange: (t: TemplateTable) => void; position: number }) {
  const t = useT();
  const checks = table.checks ?? [];
  const set = (next: TableCheck[]) => onChange({ ...table, checks: next.length ? next : undefined });
  const setCheck = (i: number, patch: Partial<TableCheck>) => set(checks.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const numericColumns = choices(table, 'columns');
  const canAdd = numericColumns.length >= 2 || (table.fixedRows?.length ?? 0) >= 2;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('reporting.builder.checks')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('reporting.builder.checksHelp')}
      </Text>
      {checks.map((check, i) => {
        const options = choices(table, check.across);
        const n = i + 1;
        return (
          <Group key={i} gap="xs" align="flex-end" wrap="wrap" data-testid={`check-${position}-${n}`}>
            <NativeSelect
              label={t('reporting.builder.checkAcross', { table: position, n })}
              value={check.across}
              data={[
                { value: 'columns', label: t('reporting.builder.checkAcrossColumns') },
                ...(table.fixedRows ? [{ value: 'rows', label: t('reporting.builder.checkAcrossRows') }] : []),
              ]}
              onChange={(e) => {
                const across = e.currentTarget.value as TableCheck['across'];
                const next = choices(table, across);
                setCheck(i, { across, parts: next[1] ? [next[1].key] : [], whole: next[0]?.key ?? '', in: undefined });
              }}
            />
            <Checkbox.Group label={t('reporting.builder.checkParts', { table: position, n })} value={check.parts} onChange={(parts) => setCheck(i, { parts })}>
              <Group gap="xs" mt={4}>
                {options.map((o) => (
                  <Checkbox key={o.key} value={o.key} label={o.label} disabled={o.key === check.whole} />
                ))}
              </Group>
            </Checkbox.Group>
            <Text size="sm">≤</Text>
            <NativeSelect
              label={t('reporting.builder.checkWhole', { table: position, n })}
              value={check.whole}
              data={options.map((o) => ({ value: o.key, label: o.label }))}
              onChange={(e) => {
                const whole = e.currentTarget.value;
                setCheck(i, { whole, parts: check.parts.filter((p) => p !== whole) });
              }}
            />
            <ActionIcon variant="subtle" color="red" aria-label={t('reporting.builder.removeCheck', { table: position, n })} onClick={() => set(checks.filter((_, j) => j !== i))}>
              ×
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          size="xs"
          variant="default"
          disabled={!canAdd || checks.length >= 50}
          onClick={() => {
            const across = numericColumns.length >= 2 ? 'columns' : 'rows';
            const options = choices(table, across);
            set([...checks, { across, parts: [options[1].key], whole: options[0].key }]);
          }}
        >
          {t('reporting.builder.addCheck')}
        </Button>
      </Group>
    </Stack>
  );
}
