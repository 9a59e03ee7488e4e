import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { InspectionStatus } from '../../../../shared/domain/inspection-status.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { useDraftConclusion, useHasCapability, useInspectionConclusions, useStandingBody } from './followup.api.js';

/**
 * On an inspection's page, beside the minutes: its conclusion notice (Thông báo kết luận). The
 * standing office drafts it once the visit has taken place — in the committee's name, or in its
 * own under authorisation (TUQ.) so that it may sign it — and edits it on its own page.
 */
export function ConclusionPanel({ inspectionId, status }: { inspectionId: string; status: InspectionStatus }) {
  const t = useT();
  const navigate = useNavigate();
  const canDraft = useHasCapability('conclusion.draft') && (status === 'under_way' || status === 'closed');
  const list = useInspectionConclusions(inspectionId);
  const standing = useStandingBody(canDraft);
  const draft = useDraftConclusion();
  const [byOffice, setByOffice] = useState(false);
  const c = list.data?.items[0];
  const officeId = standing.data?.agencyId ?? null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="conclusion-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="conclusion-title">
          {t('conclusions.title')}
        </Title>
      </Group>
      {list.isPending ? (
        <Loader size="sm" />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : c ? (
        <Group gap="xs">
          <Badge color={c.status === 'issued' ? 'green' : 'gray'}>{t(`conclusions.status.${c.status}`)}</Badge>
          {c.documentNumber && <Text size="sm">{t('conclusions.number', { number: c.documentNumber, date: formatDate(c.issuedOn) })}</Text>}
          <Text size="sm">{t('conclusions.requirementCount', { count: c.actions.length })}</Text>
          <Anchor component={Link} to={`/conclusions/${c.id}`}>
            {t('conclusions.open')}
          </Anchor>
        </Group>
      ) : (
        <Stack gap="xs">
          <Text c="dimmed">{t('conclusions.none')}</Text>
          {canDraft && (
            <Group>
              {officeId && <Checkbox label={t('conclusions.byOffice', { office: standing.data?.agencyName ?? '' })} checked={byOffice} onChange={(e) => setByOffice(e.currentTarget.checked)} />}
              <Button
                variant="light"
                loading={draft.isPending}
                onClick={() => draft.mutate({ inspectionId, ...(byOffice && officeId ? { issuingAgencyId: officeId } : {}) }, { onSuccess: (x) => void navigate(`/conclusions/${x.id}`) })}
              >
                {t('conclusions.draft')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {draft.error && <ErrorAlert error={draft.error} />}
    </Stack>
  );
}
