import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, Modal, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import type { AgencyDetail, AgencyKind } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { agencyKindKey, agencyKindList } from '../../components/labels.js';
import { useSession } from '../../auth/session.js';
import { RegistryTransfer } from '../registry/RegistryTransfer.js';
import { AgencyForm, agencyFormValues, type AgencyFormValues } from './AgencyForm.js';
import { StandingBodySetting } from './StandingBodySetting.js';
import { agencyKeys, useAgencyPages } from './agencies.api.js';

/** /agencies: searchable, filterable table of agencies; create; the standing-body setting. */
export function AgenciesPage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [kind, setKind] = useState<AgencyKind | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [creating, setCreating] = useState(false);
  const pages = useAgencyPages({ q: debouncedQ || undefined, kind, includeInactive });
  const rows = pages.data?.pages.flatMap((p) => p.items);
  const total = pages.data?.pages[0]?.total;
  const canCreate = can('agency.create');

  const create = useMutation({
    mutationFn: (values: AgencyFormValues) => api.post<AgencyDetail>('/api/agencies', values),
    onSuccess: (agency) => {
      void queryClient.invalidateQueries({ queryKey: agencyKeys.all });
      notifications.show({ color: 'green', message: t('agencies.created') });
      setCreating(false);
      navigate(`/agencies/${agency.id}`);
    },
  });
  const closeCreate = () => {
    create.reset();
    setCreating(false);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('agencies.title')}
        </Title>
        {canCreate && <Button onClick={() => setCreating(true)}>{t('agencies.create')}</Button>}
      </Group>

      <StandingBodySetting canEdit={can('authority.configure')} />

      <Group align="flex-end">
        <TextInput
          label={t('common.search')}
          placeholder={t('agencies.searchPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
          rightSection={pages.isFetching ? <Loader size="xs" /> : null}
        />
        <Select
          label={t('common.kind')}
          placeholder={t('common.all')}
          clearable
          data={agencyKindList.map((value) => ({ value, label: t(agencyKindKey(value)) }))}
          value={kind}
          onChange={(value) => setKind(value as AgencyKind | null)}
          w={220}
        />
        <Switch
          label={t('common.includeInactive')}
          checked={includeInactive}
          onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
          mb={6}
        />
      </Group>

      <Text size="sm" c="dimmed" aria-live="polite">
        {rows && total !== undefined
          ? rows.length < total
            ? t('common.shownOfTotal', { shown: rows.length, total })
            : t('common.count', { count: total })
          : ''}
      </Text>
      {pages.error ? <ErrorAlert error={pages.error} /> : null}
      {pages.isPending && <Loader />}
      {rows && rows.length === 0 && <Text>{t('common.noResults')}</Text>}
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('agencies.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('common.name')}</Table.Th>
                <Table.Th scope="col">{t('common.kind')}</Table.Th>
                <Table.Th scope="col">{t('agencies.unit')}</Table.Th>
                <Table.Th scope="col">{t('agencies.headName')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((agency) => (
                <Table.Tr key={agency.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/agencies/${agency.id}`} size="sm">
                      {agency.name}
                    </Anchor>
                    {agency.isStandingBody && (
                      <Badge ml="xs" size="sm" color="grape" variant="light" tt="none">
                        {t('agencies.standingBody')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(agencyKindKey(agency.kind))}</Table.Td>
                  <Table.Td>{agency.unitName}</Table.Td>
                  <Table.Td>{agency.headName ?? t('common.none')}</Table.Td>
                  <Table.Td>{agency.active ? t('common.active') : t('common.inactive')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('common.showMore')}
          </Button>
        </Group>
      )}

      {can('registry.import') && <RegistryTransfer />}

      <Modal opened={creating} onClose={closeCreate} title={t('agencies.createTitle')} size="lg">
        {creating && (
          <AgencyForm
            initial={agencyFormValues()}
            pending={create.isPending}
            error={create.error}
            onSubmit={(values) => create.mutate(values)}
            onCancel={closeCreate}
          />
        )}
      </Modal>
    </Stack>
  );
}
