import { useEffect, useMemo, useState } from 'react';
import { Button, Group, Loader, Modal, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { notifications } from '@mantine/notifications';
import type { UnitDetail } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';
import { useT } from '../../i18n/i18n.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useSession } from '../../auth/session.js';
import { RegistryTransfer } from '../registry/RegistryTransfer.js';
import { branchIds, buildUnitTree } from './unit-tree.js';
import { UnitTree } from './UnitTree.js';
import { UnitTable } from './UnitTable.js';
import { UnitForm, unitFormValues, type UnitFormValues } from './UnitForm.js';
import { unitKeys, useUnitPages } from './units.api.js';

type View = 'tree' | 'list';

/** /units: the registry of territorial units as a tree or a table, with search and filters. */
export function UnitsPage() {
  const t = useT();
  const { can } = useSession();
  const [params] = useSearchParams();
  const [view, setView] = useState<View>(params.get('view') === 'list' ? 'list' : 'tree');
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [asOf, setAsOf] = useState<string | null>(params.get('asOf'));
  const [includeInactive, setIncludeInactive] = useState(params.get('inactive') === '1');
  const [creating, setCreating] = useState(false);

  // Mirror the filters into the address so Back from a unit returns to the same results.
  // history.replaceState, not the router: a router navigation fired by the debounce could
  // overtake a click on a result and pull the user back to the list.
  useEffect(() => {
    const next = new URLSearchParams();
    if (view === 'list') next.set('view', 'list');
    if (debouncedQ) next.set('q', debouncedQ);
    if (asOf) next.set('asOf', asOf);
    if (includeInactive) next.set('inactive', '1');
    const search = next.toString() ? `?${next}` : '';
    if (window.location.pathname === '/units' && window.location.search !== search) {
      window.history.replaceState(window.history.state, '', `/units${search}`);
    }
  }, [view, debouncedQ, asOf, includeInactive]);

  const pages = useUnitPages({ q: debouncedQ || undefined, asOf, includeInactive });
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.items), [pages.data]);
  const total = pages.data?.pages[0]?.total;
  const units = { data: rows, isFetching: pages.isFetching, error: pages.error, isPending: pages.isPending };
  const roots = useMemo(() => buildUnitTree(rows ?? []), [rows]);

  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  // Searching opens every branch so each match is visible; otherwise the top level is open.
  useEffect(() => {
    setExpanded(new Set(debouncedQ ? branchIds(roots) : roots.map((node) => node.unit.id)));
  }, [roots, debouncedQ]);
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const canCreate = can('unit.create');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('units.title')}
        </Title>
        {canCreate && <Button onClick={() => setCreating(true)}>{t('units.create')}</Button>}
      </Group>

      <Group align="flex-end" gap="md">
        <TextInput
          label={t('common.search')}
          placeholder={t('units.searchPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 340 }}
          rightSection={units.isFetching ? <Loader size="xs" /> : null}
        />
        <DateField label={t('units.asOf')} value={asOf} onChange={setAsOf} w={170} />
        <Switch
          label={t('common.includeInactive')}
          checked={includeInactive}
          onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
          mb={6}
        />
      </Group>

      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('units.view')}
          value={view}
          onChange={(value) => setView(value as View)}
          data={[
            { value: 'tree', label: t('units.viewTree') },
            { value: 'list', label: t('units.viewList') },
          ]}
        />
        {view === 'tree' && roots.length > 0 && (
          <Group gap="xs">
            <Button variant="subtle" size="xs" onClick={() => setExpanded(new Set(branchIds(roots)))}>
              {t('units.expandAll')}
            </Button>
            <Button variant="subtle" size="xs" onClick={() => setExpanded(new Set())}>
              {t('units.collapseAll')}
            </Button>
          </Group>
        )}
      </Group>

      <Text size="sm" c="dimmed" aria-live="polite">
        {units.data && total !== undefined
          ? units.data.length < total
            ? t('common.shownOfTotal', { shown: units.data.length, total })
            : t('common.count', { count: total })
          : ''}
      </Text>

      {units.error ? <ErrorAlert error={units.error} /> : null}
      {units.isPending && <Loader />}
      {units.data && units.data.length === 0 && <Text>{t('common.noResults')}</Text>}
      {units.data && units.data.length > 0 &&
        (view === 'tree' ? (
          <UnitTree roots={roots} expanded={expanded} onToggle={toggle} />
        ) : (
          <UnitTable units={units.data} />
        ))}

      {pages.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('common.showMore')}
          </Button>
        </Group>
      )}

      {can('registry.import') && <RegistryTransfer />}

      <CreateUnitModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

/** POST /api/units, then open the new unit. */
export function CreateUnitModal({
  opened,
  onClose,
  parentId,
}: {
  opened: boolean;
  onClose: () => void;
  parentId?: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: UnitFormValues) => api.post<UnitDetail>('/api/units', values),
    onSuccess: (unit) => {
      void queryClient.invalidateQueries({ queryKey: unitKeys.all });
      notifications.show({ color: 'green', message: t('units.created') });
      onClose();
      navigate(`/units/${unit.id}`);
    },
  });
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('units.createTitle')} size="lg">
      {opened && (
        <UnitForm
          initial={unitFormValues({ parentId: parentId ?? null })}
          pending={create.isPending}
          error={create.error}
          onSubmit={(values) => create.mutate(values)}
          onCancel={close}
        />
      )}
    </Modal>
  );
}
