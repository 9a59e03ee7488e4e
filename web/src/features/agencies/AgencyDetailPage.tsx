import { Anchor, Badge, Button, Group, Loader, Modal, Paper, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { AgencyDetail } from '../../../../shared/api/registry.schemas.js';
import { useRecordEditing } from '../../lib/record-editing.js';
import { useT } from '../../i18n/i18n.js';
import { formatDate } from '../../i18n/dates.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DetailList } from '../../components/DetailList.js';
import { DeactivateModal } from '../../components/DeactivateModal.js';
import { agencyKindKey } from '../../components/labels.js';
import { AgencyForm, agencyFormValues } from './AgencyForm.js';
import { agencyKeys, useAgency } from './agencies.api.js';

/** /agencies/:id: one agency; edit and deactivate as its abilities allow. */
export function AgencyDetailPage() {
  const { id = '' } = useParams();
  const agency = useAgency(id);
  if (agency.isPending) return <Loader />;
  if (agency.error) return <ErrorAlert error={agency.error} />;
  return <AgencyDetailView key={agency.data.id} agency={agency.data} reload={() => void agency.refetch()} />;
}

function AgencyDetailView({ agency, reload }: { agency: AgencyDetail; reload: () => void }) {
  const t = useT();
  const { editing, setEditing, deactivating, setDeactivating, update, deactivate, reloadAfterConflict } = useRecordEditing({
    record: agency,
    path: `/api/agencies/${agency.id}`,
    detailKey: agencyKeys.detail(agency.id),
    listKey: agencyKeys.all,
    formValues: agencyFormValues,
    reload,
  });
  const none = t('common.none');

  return (
    <Stack>
      <Anchor component={Link} to="/agencies" size="sm">
        ← {t('nav.agencies')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1} size="h2">
            {agency.name}
          </Title>
          <Badge variant="light" tt="none">
            {t(agencyKindKey(agency.kind))}
          </Badge>
          {agency.isStandingBody && (
            <Badge color="grape" variant="light" tt="none">
              {t('agencies.standingBody')}
            </Badge>
          )}
          {!agency.active && (
            <Badge variant="outline" color="red" tt="none">
              {t('common.inactive')}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {agency.abilities.update && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          {agency.abilities.deactivate && agency.active && (
            <Button color="red" variant="outline" onClick={() => setDeactivating(true)}>
              {t('common.deactivate')}
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder p="md">
        <DetailList
          items={[
            [
              t('agencies.unit'),
              <Anchor component={Link} to={`/units/${agency.unitId}`}>
                {agency.unitName}
              </Anchor>,
            ],
            [
              t('agencies.parentAgency'),
              agency.parentAgencyId ? (
                <Anchor component={Link} to={`/agencies/${agency.parentAgencyId}`}>
                  {agency.parentAgencyName ?? t('common.details')}
                </Anchor>
              ) : (
                none
              ),
            ],
            [t('agencies.shortName'), agency.shortName ?? none],
            [t('common.code'), agency.code ?? none],
            [t('agencies.docAbbreviation'), agency.docAbbreviation ?? none],
            [t('agencies.placeName'), agency.placeName ?? none],
            [t('agencies.headName'), agency.headName ?? none],
            [t('agencies.headTitle'), agency.headTitle ?? none],
            [t('agencies.phone'), agency.phone ?? none],
            [t('agencies.email'), agency.email ?? none],
            [t('agencies.address'), agency.address ?? none],
            [t('common.status'), agency.active ? t('common.active') : t('common.inactive')],
            [t('common.validFrom'), formatDate(agency.validFrom) || none],
            [t('common.validTo'), formatDate(agency.validTo) || none],
          ]}
        />
      </Paper>

      <Modal opened={editing} onClose={() => setEditing(false)} title={t('agencies.editTitle')} size="lg">
        {editing && (
          <AgencyForm
            key={agency.version}
            initial={agencyFormValues(agency)}
            agencyId={agency.id}
            editableFields={agency.abilities.editableFields}
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
        name={agency.name}
        pending={deactivate.isPending}
        error={deactivate.error}
        onConfirm={(validTo) => deactivate.mutate(validTo)}
        onClose={() => {
          deactivate.reset();
          setDeactivating(false);
        }}
        onReload={reloadAfterConflict}
      />
    </Stack>
  );
}
