import { ActionIcon, Button, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import type { TemplateTable } from '../../../../shared/api/reports.schemas.js';
import type { CellProblem } from '../../../../shared/domain/report-tables.js';
import { useT } from '../../i18n/i18n.js';
import { cellProblemKey } from './labels.js';
import { fieldMessage } from '../../i18n/errors.js';
import { checkViolationsOf, cellId, totalsOf } from './submission-draft.js';

interface DataTableInputProps {
  table: TemplateTable;
  rows: Record<string, string>[];
  problems: Record<string, CellProblem>;
  readOnly: boolean;
  onCell: (row: number, column: string, value: string) => void;
  onAddRow: () => void;
  onRemoveRow: (row: number) => void;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

/**
 * One data table of the report: typed cells checked as they are typed (the message under the
 * cell, and the template's checks: a part above its whole), the column totals kept up to date, rows added by the unit when the template allows.
 */
export function DataTableInput({ table, rows, problems, readOnly, onCell, onAddRow, onRemoveRow }: DataTableInputProps) {
  const t = useT();
  const totals = totalsOf(table, rows);
  const overLimit = checkViolationsOf(table, rows);
  const hasTotals = totals !== null;
  const fixed = table.fixedRows;
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table withTableBorder withColumnBorders aria-label={table.title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{fixed ? t('reporting.form.rowLabel') : t('reporting.form.rowNo')}</Table.Th>
            {table.columns.map((c) => (
              <Table.Th key={c.key}>{c.label}</Table.Th>
            ))}
            {!fixed && !readOnly && <Table.Th aria-label={t('reporting.form.rowActions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => {
            const rowLabel = fixed ? fixed[r]?.label ?? '' : String(r + 1);
            return (
              <Table.Tr key={r}>
                <Table.Td>{rowLabel}</Table.Td>
                {table.columns.map((c) => {
                  const problem = problems[cellId(table.key, r, c.key)];
                  const over = overLimit.get(cellId(table.key, r, c.key));
                  const label = `${c.label} — ${rowLabel}`;
                  const value = row[c.key] ?? '';
                  if (readOnly) {
                    return <Table.Td key={c.key}>{c.type === 'boolean' ? (value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : '') : value}</Table.Td>;
                  }
                  return (
                    <Table.Td key={c.key} miw={c.type === 'text' ? 180 : 110}>
                      {c.type === 'boolean' ? (
                        <NativeSelect
                          aria-label={label}
                          value={value}
                          onChange={(e) => onCell(r, c.key, e.currentTarget.value)}
                          data={[
                            { value: '', label: '—' },
                            { value: 'true', label: t('common.yes') },
                            { value: 'false', label: t('common.no') },
                          ]}
                        />
                      ) : (
                        <TextInput
                          aria-label={label}
                          value={value}
                          placeholder={c.type === 'date' ? 'dd/mm/yyyy' : c.type === 'percent' ? '%' : undefined}
                          inputMode={c.type === 'integer' || c.type === 'decimal' || c.type === 'percent' ? 'decimal' : undefined}
                          onChange={(e) => onCell(r, c.key, e.currentTarget.value)}
                          error={problem ? t(cellProblemKey(problem)) : over ? fieldMessage(t, { code: 'cell_above_limit', params: { other: over.otherLabel, limit: numberFormat.format(over.limit) } }) : undefined}
                        />
                      )}
                    </Table.Td>
                  );
                })}
                {!fixed && !readOnly && (
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={t('reporting.form.removeRow', { n: r + 1 })} onClick={() => onRemoveRow(r)}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={table.columns.length + 2}>
                <Text c="dimmed" size="sm">
                  {t('reporting.form.noRows')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        {hasTotals && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('reporting.form.total')}</Table.Th>
              {table.columns.map((c) => (
                <Table.Th key={c.key} data-testid={`total-${table.key}-${c.key}`}>
                  {totals?.[c.key] == null ? '' : numberFormat.format(totals[c.key]!)}
                </Table.Th>
              ))}
              {!fixed && !readOnly && <Table.Th />}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
      {!fixed && !readOnly && rows.length < table.maxRows && (
        <Button variant="default" size="xs" mt="xs" onClick={onAddRow}>
          {t('reporting.form.addRow')}
        </Button>
      )}
    </div>
  );
}
