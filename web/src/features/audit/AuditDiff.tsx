import { Table, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { diffSnapshots, displayValue } from './audit-diff.js';
import { TableScroll } from '../../components/TableScroll.js';

/** Before/after of one event; changed fields are highlighted and marked in text too. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const rows = diffSnapshots(before, after);
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('audit.noDiff')}</Text>;
  return (
    <TableScroll>
      <Table withTableBorder withColumnBorders fz="xs" aria-label={t('common.details')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.field')}</Table.Th>
            <Table.Th scope="col">{t('audit.before')}</Table.Th>
            <Table.Th scope="col">{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} bg={row.changed ? 'yellow.1' : undefined} data-changed={row.changed || undefined}>
              <Table.Td fw={row.changed ? 700 : 400}>
                {row.key}
                {row.changed && (
                  <Text component="span" size="xs" c="orange.9" ml={4}>
                    ({t('audit.changed')})
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>
                {row.changed && row.before != null ? <del>{displayValue(row.before)}</del> : displayValue(row.before)}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>
                {row.changed && row.after != null ? <ins>{displayValue(row.after)}</ins> : displayValue(row.after)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
