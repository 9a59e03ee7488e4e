import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { useSelfInspectionOverview, useSelfInspections } from './self-inspections.api.js';
import { SelfInspectionFormModal } from './SelfInspectionForm.js';
import { TableScroll } from '../../components/TableScroll.js';

/** The office's overview of a year: which units have a plan and results, and what they found. */
function Overview({ year }: { year: number }) {
  const t = useT();
  const overview = useSelfInspectionOverview(year, true);
  if (overview.isPending) return <Loader />;
  if (overview.error) return <ErrorAlert error={overview.error} />;
  const o = overview.data;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('selfInspections.overview', { year })}</Title>
        <Text size="sm" data-testid="self-inspection-totals">
          {t('selfInspections.overview.totals', o.totals)}
        </Text>
        <TableScroll>
          <Table withTableBorder aria-label={t('selfInspections.overview', { year })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selfInspections.unit')}</Table.Th>
                <Table.Th>{t('selfInspections.overview.plan')}</Table.Th>
                <Table.Th>{t('selfInspections.overview.results')}</Table.Th>
                <Table.Th>{t('selfInspections.shortcomingCount')}</Table.Th>
                <Table.Th>{t('selfInspections.fixedCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.units.map((u) => (
                <Table.Tr key={u.agencyId}>
                  <Table.Td>{u.selfInspectionId ? <Anchor component={Link} to={`/self-inspections/${u.selfInspectionId}`}>{u.agencyName}</Anchor> : u.agencyName}</Table.Td>
                  <Table.Td>{t(u.hasPlan ? 'selfInspections.yes' : 'selfInspections.no')}</Table.Td>
                  <Table.Td>{t(u.hasResults ? 'selfInspections.yes' : 'selfInspections.no')}</Table.Td>
                  <Table.Td>{u.shortcomingCount ?? '—'}</Table.Td>
                  <Table.Td>{u.fixedCount ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Stack>
    </Paper>
  );
}

/** The units' self-inspection plans and results (issue 9 §6): a unit sees its own, the office those in reach. */
export function SelfInspectionsPage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useSelfInspections(year);
  const overviewYear = year ?? list.data?.items[0]?.year ?? null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('selfInspections.title')}</Title>
        {can('self_inspection.record') && <Button onClick={() => setCreating(true)}>{t('selfInspections.new')}</Button>}
      </Group>
      <NumberInput label={t('selfInspections.year')} value={year ?? ''} onChange={(v) => setYear(typeof v === 'number' && v >= 1990 && v <= 2199 ? v : null)} w={120} />
      {list.isPending && <Loader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('selfInspections.none')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <TableScroll>
          <Table striped withTableBorder aria-label={t('selfInspections.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selfInspections.year')}</Table.Th>
                <Table.Th>{t('selfInspections.unit')}</Table.Th>
                <Table.Th>{t('selfInspections.documentNumber')}</Table.Th>
                <Table.Th>{t('selfInspections.schedule')}</Table.Th>
                <Table.Th>{t('selfInspections.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.year}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/self-inspections/${s.id}`}>
                      {s.agencyName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.documentNumber ?? '—'}</Table.Td>
                  <Table.Td>
                    {formatDate(s.startsOn)} – {formatDate(s.endsOn)}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.status === 'reported' ? 'green' : 'blue'} variant="light">
                      {t(`selfInspections.status.${s.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {can('self_inspection.read') && overviewYear !== null && <Overview year={overviewYear} />}
      {creating && <SelfInspectionFormModal opened onClose={() => setCreating(false)} onSaved={(s) => void navigate(`/self-inspections/${s.id}`)} />}
    </Stack>
  );
}
