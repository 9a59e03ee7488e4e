import { Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Unit } from '../../../../shared/api/registry.schemas.js';
import { useT } from '../../i18n/i18n.js';
import { formatDate } from '../../i18n/dates.js';
import { unitKindKey } from '../../components/labels.js';

/** The flat list view. Parent names come from the same result set when present. */
export function UnitTable({ units }: { units: Unit[] }) {
  const t = useT();
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label={t('units.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('common.name')}</Table.Th>
            <Table.Th scope="col">{t('common.kind')}</Table.Th>
            <Table.Th scope="col">{t('common.code')}</Table.Th>
            <Table.Th scope="col">{t('units.parent')}</Table.Th>
            <Table.Th scope="col">{t('common.validFrom')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit) => (
            <Table.Tr key={unit.id}>
              <Table.Td>
                <Text component={Link} to={`/units/${unit.id}`} size="sm" c="blue.8">
                  {unit.name}
                </Text>
              </Table.Td>
              <Table.Td>{t(unitKindKey(unit.kind))}</Table.Td>
              <Table.Td>{unit.code ?? t('common.none')}</Table.Td>
              <Table.Td>{unit.parentId ? (names.get(unit.parentId) ?? t('common.none')) : t('common.none')}</Table.Td>
              <Table.Td>{formatDate(unit.validFrom) || t('common.none')}</Table.Td>
              <Table.Td>
                {unit.active ? (
                  t('common.active')
                ) : (
                  <Badge size="sm" variant="outline" color="red" tt="none">
                    {t('common.inactive')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
