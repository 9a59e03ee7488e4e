import { useState } from 'react';
import { Anchor, Badge, Button, Group, List, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { UnitDetail } from '../../../../shared/api/registry.schemas.js';
import { useRecordEditing } from '../../lib/record-editing.js';
import { useT } from '../../i18n/i18n.js';
import { formatDate } from '../../i18n/dates.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DetailList } from '../../components/DetailList.js';
import { DeactivateModal } from '../../components/DeactivateModal.js';
import { agencyKindKey, unitKindKey } from '../../components/labels.js';
import { UnitForm, unitFormValues } from './UnitForm.js';
import { CreateUnitModal } from './UnitsPage.js';
import { unitKeys, useUnit, useUnitAgencies } from './units.api.js';
import { SuccessionModal } from './SuccessionModal.js';
import { UnitIndexHistory } from '../indices/UnitIndexHistory.js';

/** /units/:id: one unit, its lineage, its agencies; edit and deactivate as its abilities allow. */
export function UnitDetailPage() {
  const { id = '' } = useParams();
  const unit = useUnit(id);
  if (unit.isPending) return <Loader />;
  if (unit.error) return <ErrorAlert error={unit.error} />;
  return <UnitDetailView unit={unit.data} reload={() => void unit.refetch()} key={unit.data.id} />;
}

function UnitDetailView({ unit, reload }: { unit: UnitDetail; reload: () => void }) {
  const t = useT();
  const [creatingChild, setCreatingChild] = useState(false);
  const [recordingSuccession, setRecordingSuccession] = useState(false);
  const agencies = useUnitAgencies(unit.id);

  const { editing, setEditing, deactivating, setDeactivating, update, deactivate, reloadAfterConflict } = useRecordEditing({
    record: unit,
    path: `/api/units/${unit.id}`,
    detailKey: unitKeys.detail(unit.id),
    listKey: unitKeys.all,
    formValues: unitFormValues,
    reload,
  });

  return (
    <Stack>
      <Anchor component={Link} to="/units" size="sm">
        ← {t('nav.units')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1} size="h2">
            {unit.name}
          </Title>
          <Badge variant="light" tt="none">
            {t(unitKindKey(unit.kind))}
          </Badge>
          {!unit.active && (
            <Badge variant="outline" color="red" tt="none">
              {t('common.inactive')}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {unit.abilities.update && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          {unit.abilities.deactivate && unit.active && (
            <Button color="red" variant="outline" onClick={() => setDeactivating(true)}>
              {t('common.deactivate')}
            </Button>
          )}
          {unit.abilities.createChild && (
            <Button variant="default" onClick={() => setCreatingChild(true)}>
              {t('units.createChild')}
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder p="md">
        <DetailList
          items={[
            [t('common.code'), unit.code ?? t('common.none')],
            [t('common.kind'), t(unitKindKey(unit.kind))],
            [
              t('units.parent'),
              unit.parentId ? (
                <Anchor component={Link} to={`/units/${unit.parentId}`}>
                  {unit.parentName ?? unit.parentId}
                </Anchor>
              ) : (
                t('common.none')
              ),
            ],
            [t('common.status'), unit.active ? t('common.active') : t('common.inactive')],
            [t('common.validFrom'), formatDate(unit.validFrom) || t('common.none')],
            [t('common.validTo'), formatDate(unit.validTo) || t('common.none')],
          ]}
        />
      </Paper>

      <Lineage title={t('units.predecessors')} items={unit.predecessors} side="from" />
      <Lineage title={t('units.successors')} items={unit.successors} side="to" />
      {unit.abilities.recordSuccession && (
        <Group>
          <Button variant="light" onClick={() => setRecordingSuccession(true)}>
            {t('units.addSuccession')}
          </Button>
        </Group>
      )}
      <SuccessionModal unit={unit} opened={recordingSuccession} onClose={() => setRecordingSuccession(false)} />
      <UnitIndexHistory unitId={unit.id} />

      <Title order={2} size="h4">
        {t('units.agencies')}
      </Title>
      {agencies.error ? <ErrorAlert error={agencies.error} /> : null}
      {agencies.data && agencies.data.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
      {agencies.data && agencies.data.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={t('units.agencies')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('common.name')}</Table.Th>
                <Table.Th scope="col">{t('common.kind')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agencies.data.map((agency) => (
                <Table.Tr key={agency.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/agencies/${agency.id}`} size="sm">
                      {agency.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(agencyKindKey(agency.kind))}</Table.Td>
                  <Table.Td>{agency.active ? t('common.active') : t('common.inactive')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal opened={editing} onClose={() => setEditing(false)} title={t('units.editTitle')} size="lg">
        {editing && (
          <UnitForm
            key={unit.version}
            initial={unitFormValues(unit)}
            unitId={unit.id}
            pending={update.isPending}
            error={update.error}
            onSubmit={(values) => update.mutate(values)}
            onCancel={() => {
              update.reset();
              setEditing(false);
            }}
            onReload={reloadAfterConflict}
          />
        )}
      </Modal>
      <DeactivateModal
        opened={deactivating}
        name={unit.name}
        pending={deactivate.isPending}
        error={deactivate.error}
        onConfirm={(validTo) => deactivate.mutate(validTo)}
        onClose={() => {
          deactivate.reset();
          setDeactivating(false);
        }}
        onReload={reloadAfterConflict}
      />
      <CreateUnitModal opened={creatingChild} onClose={() => setCreatingChild(false)} parentId={unit.id} />
    </Stack>
  );
}

function Lineage({ title, items, side }: { title: string; items: UnitDetail['successors']; side: 'from' | 'to' }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <List size="sm">
        {items.map((item) => {
          const otherId = side === 'to' ? item.toUnitId : item.fromUnitId;
          const otherName = side === 'to' ? item.toUnitName : item.fromUnitName;
          return (
            <List.Item key={item.id}>
              <Anchor component={Link} to={`/units/${otherId}`}>
                {otherName}
              </Anchor>{' '}
              ({t(`units.succession.${item.kind}` as MessageKey).toLowerCase()}, {formatDate(item.effectiveDate)})
              {item.note ? ` — ${item.note}` : ''}
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
