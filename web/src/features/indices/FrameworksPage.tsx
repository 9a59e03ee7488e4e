import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useSession } from '../../auth/session.js';
import { CreateFrameworkModal } from './FrameworkForms.js';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { formatNumber } from './format.js';
import { useFrameworks } from './indices.api.js';
import { TableScroll } from '../../components/TableScroll.js';

/** The PAR Index and SIPAS frameworks the user may read, with their status and years. */
export function FrameworksPage() {
  const t = useT();
  const { language } = useI18n();
  const frameworks = useFrameworks();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('indices.title')}</Title>
        {can('index.manage') && <Button onClick={() => setCreating(true)}>{t('indices.new')}</Button>}
      </Group>
      {can('index.manage') && <CreateFrameworkModal opened={creating} onClose={() => setCreating(false)} />}
      {frameworks.isPending && <Loader />}
      {frameworks.error && <ErrorAlert error={frameworks.error} />}
      {frameworks.data && (
        <TableScroll>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indices.col.name')}</Table.Th>
                <Table.Th>{t('indices.col.kind')}</Table.Th>
                <Table.Th>{t('indices.col.owner')}</Table.Th>
                <Table.Th>{t('indices.col.years')}</Table.Th>
                <Table.Th>{t('indices.col.maxPoints')}</Table.Th>
                <Table.Th>{t('indices.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {frameworks.data.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/indices/${f.id}`}>
                      {f.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {f.code} · r{f.revision} · {t('indices.list.leafCount', { n: f.leafCount })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`indices.kind.${f.kind}`)}</Table.Td>
                  <Table.Td>{f.ownerAgencyName}</Table.Td>
                  <Table.Td>
                    {f.fromYear}–{f.toYear ?? ''}
                  </Table.Td>
                  <Table.Td>{formatNumber(language, f.maxPoints)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={f.status === 'published' ? 'green' : 'gray'}>
                        {t(`indices.status.${f.status}`)}
                      </Badge>
                      {f.illustrative && (
                        <Badge variant="outline" color="orange">
                          {t('indices.illustrative')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
