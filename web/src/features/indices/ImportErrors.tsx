import { Table } from '@mantine/core';
import type { ImportError } from '../../../../shared/api/indices.schemas.js';
import { useT } from '../../i18n/i18n.js';
import { TableScroll } from '../../components/TableScroll.js';

/** An import's errors, one line each: where (sheet, row, column) and what, in the user's language. */
export function ImportErrors({ errors }: { errors: ImportError[] }) {
  const t = useT();
  return (
    <TableScroll>
      <Table withTableBorder data-testid="import-errors">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indices.import.where')}</Table.Th>
            <Table.Th>{t('indices.import.error')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{[e.sheet, e.row !== null ? `${e.column ?? ''}${e.row}` : null].filter(Boolean).join(' · ')}</Table.Td>
              <Table.Td>{t(`indices.import.err.${e.code}`, { value: e.value ?? '', ...e.params })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
