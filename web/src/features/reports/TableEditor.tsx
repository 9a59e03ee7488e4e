import { ActionIcon, Button, Checkbox, Group, NativeSelect, NumberInput, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import type { TemplateTable } from '../../../../shared/api/reports.schemas.js';
import { cellTypes, numericTypes } from '../../../../shared/domain/report-tables.js';
import { useT } from '../../i18n/i18n.js';
import { cellTypeKey } from './labels.js';
import { move, newColumn, newRow } from './template-builder.js';
import { prunedChecks, TableChecksEditor } from './TableChecksEditor.js';
import { TableScroll } from '../../components/TableScroll.js';

/** The columns (typed, totalled) and rows (fixed, or added by the unit) of one data table of a template. */
export function TableEditor({ table, onChange: change, position }: { table: TemplateTable; onChange: (t: TemplateTable) => void; position: number }) {
  const t = useT();
  // A check naming a removed column or row (or a column no longer numeric) goes with it.
  const onChange = (next: TemplateTable) => change(next.checks ? { ...next, checks: prunedChecks(next) } : next);
  const setColumn = (i: number, patch: Partial<TemplateTable['columns'][number]>) => onChange({ ...table, columns: table.columns.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const rows = table.fixedRows;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('reporting.builder.columns')}
      </Text>
      <TableScroll>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reporting.builder.columnLabel')}</Table.Th>
              <Table.Th>{t('reporting.builder.columnType')}</Table.Th>
              <Table.Th>{t('reporting.builder.columnTotal')}</Table.Th>
              <Table.Th aria-label={t('reporting.form.rowActions')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.columns.map((c, i) => (
              <Table.Tr key={c.key}>
                <Table.Td>
                  <TextInput aria-label={t('reporting.builder.columnLabelOf', { table: position, n: i + 1 })} value={c.label} onChange={(e) => setColumn(i, { label: e.currentTarget.value })} required />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('reporting.builder.columnTypeOf', { table: position, n: i + 1 })}
                    value={c.type}
                    data={cellTypes.map((ct) => ({ value: ct, label: t(cellTypeKey(ct)) }))}
                    onChange={(e) => {
                      const type = e.currentTarget.value as (typeof cellTypes)[number];
                      setColumn(i, { type, total: numericTypes.includes(type) ? c.total : false });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('reporting.builder.columnTotalOf', { table: position, n: i + 1 })} checked={c.total} disabled={!numericTypes.includes(c.type)} onChange={(e) => setColumn(i, { total: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('reporting.builder.moveUp')} disabled={i === 0} onClick={() => onChange({ ...table, columns: move(table.columns, i, -1) })}>
                      ↑
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('reporting.builder.removeColumn', { n: i + 1 })} disabled={table.columns.length === 1} onClick={() => onChange({ ...table, columns: table.columns.filter((_, j) => j !== i) })}>
                      ×
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Group>
        <Button size="xs" variant="default" disabled={table.columns.length >= 20} onClick={() => onChange({ ...table, columns: [...table.columns, newColumn(table)] })}>
          {t('reporting.builder.addColumn')}
        </Button>
      </Group>
      <Radio.Group
        label={t('reporting.builder.rows')}
        value={rows ? 'fixed' : 'open'}
        onChange={(v) => onChange({ ...table, fixedRows: v === 'fixed' ? [{ key: 'dong_1', label: '' }] : null })}
      >
        <Group mt={4}>
          <Radio value="fixed" label={t('reporting.builder.rowsFixed')} />
          <Radio value="open" label={t('reporting.builder.rowsOpen')} />
        </Group>
      </Radio.Group>
      {rows ? (
        <Stack gap={4}>
          {rows.map((r, i) => (
            <Group key={r.key} gap="xs" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('reporting.builder.rowLabelOf', { table: position, n: i + 1 })}
                value={r.label}
                required
                onChange={(e) => {
                  const label = e.currentTarget.value;
                  onChange({ ...table, fixedRows: rows.map((x, j) => (j === i ? { ...x, label } : x)) });
                }}
              />
              <ActionIcon variant="subtle" color="red" aria-label={t('reporting.builder.removeRow', { n: i + 1 })} disabled={rows.length === 1} onClick={() => onChange({ ...table, fixedRows: rows.filter((_, j) => j !== i) })}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button size="xs" variant="default" onClick={() => onChange({ ...table, fixedRows: [...rows, newRow(table)] })}>
              {t('reporting.builder.addRow')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <NumberInput label={t('reporting.builder.maxRows')} min={1} max={1000} w={200} value={table.maxRows} onChange={(v) => onChange({ ...table, maxRows: typeof v === 'number' ? v : 200 })} />
      )}
      <TableChecksEditor table={table} onChange={change} position={position} />
    </Stack>
  );
}
