import { Anchor, Badge, Loader, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n, useT } from '../../i18n/i18n.js';
import { formatNumber } from './format.js';
import { useUnitHistory } from './indices.api.js';

/**
 * A unit's index and satisfaction results across years, with its rank among its peers and the
 * criteria it did not meet (issue 11 §2), for the unit's page. Nothing when there is nothing.
 */
export function UnitIndexHistory({ unitId }: { unitId: string }) {
  const t = useT();
  const { language } = useI18n();
  const history = useUnitHistory(unitId);
  if (history.isPending) return <Loader size="sm" />;
  if (history.error || history.data.items.length === 0) return null;
  return (
    <>
      <Title order={2} size="h4">
        {t('indices.history')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('indices.history')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('indices.year')}</Table.Th>
              <Table.Th scope="col">{t('indices.col.kind')}</Table.Th>
              <Table.Th scope="col">{t('indices.col.indexPct')}</Table.Th>
              <Table.Th scope="col">{t('indices.col.rank')}</Table.Th>
              <Table.Th scope="col">{t('indices.col.unmet')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.items.map((h) => (
              <Table.Tr key={`${h.frameworkId}:${h.year}`}>
                <Table.Td>{h.year}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/indices/${h.frameworkId}/sheets/${unitId}/${h.year}`} size="sm">
                    {t(`indices.kind.${h.kind}`)}
                  </Anchor>{' '}
                  {h.origin === 'demo' && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t('indices.demo')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {formatNumber(language, h.indexPct)}
                  {h.peerAverage !== null && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('indices.average', { value: formatNumber(language, h.peerAverage) })})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{h.rank ? t('indices.rankOf', { rank: h.rank, count: h.peerCount }) : '–'}</Table.Td>
                <Table.Td>{h.unmet.length ? h.unmet.map((u) => u.code).join(', ') : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
