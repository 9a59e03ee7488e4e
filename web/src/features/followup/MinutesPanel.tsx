import { Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { useChecklists } from '../checklists/checklists.api.js';
import { AttachmentsField } from '../files/AttachmentsField.js';
import { DocumentLinks } from '../plans/DocumentLinks.js';
import { MinutesEditor } from './MinutesEditor.js';
import { useDraftMinutes, useFinalizeMinutes, useMinutes } from './minutes.api.js';

/**
 * On an inspection's page: its minutes (Biên bản kiểm tra) — drafted by the team from the
 * checklists and findings, finalised with a number, downloaded. The draft button follows the
 * team's checklist ability (the server refuses anyone else).
 */
export function MinutesPanel({ inspectionId }: { inspectionId: string }) {
  const t = useT();
  const canDraft = !!useChecklists(inspectionId).data?.abilities.fill;
  const minutes = useMinutes(inspectionId);
  const draft = useDraftMinutes(inspectionId);
  const finalize = useFinalizeMinutes(inspectionId);
  const m = minutes.data?.items[0];
  // A refused finalisation names the missing fields (content.unitSignerName…): shown in the editor.
  const finalizeErrorOf = useFieldErrors(finalize.error);
  return (
    <Stack gap="xs" component="section" aria-labelledby="minutes-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="minutes-title">
          {t('minutes.title')}
        </Title>
        {!m && minutes.data && canDraft && (
          <Button variant="light" loading={draft.isPending} onClick={() => draft.mutate(undefined)}>
            {t('minutes.draft')}
          </Button>
        )}
      </Group>
      {draft.error && <ErrorAlert error={draft.error} />}
      {finalize.error && <ErrorAlert error={finalize.error} />}
      {minutes.isPending ? (
        <Loader size="sm" />
      ) : minutes.error ? (
        <ErrorAlert error={minutes.error} />
      ) : !m ? (
        <Text c="dimmed">{t('minutes.none')}</Text>
      ) : (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color={m.status === 'final' ? 'green' : 'gray'}>{t(`minutes.status.${m.status}`)}</Badge>
            {m.documentNumber && <Text size="sm">{t('minutes.number', { number: m.documentNumber })}</Text>}
            <Text size="sm">{t('minutes.heldOn', { date: formatDate(m.content.heldOn) })}</Text>
          </Group>
          {/* The day is the visit's, not picked here: a refusal of it (before the register's last number) is shown beside it. */}
          {finalizeErrorOf('content.heldOn') && (
            <Text size="sm" c="red" role="alert">
              {finalizeErrorOf('content.heldOn')}
            </Text>
          )}
          <Text fw={600}>{m.content.summary}</Text>
          {m.abilities.update && <MinutesEditor key={m.version} m={m} errorOf={finalizeErrorOf} />}
          <Group>
            <DocumentLinks base={`/api/documents/minutes/${m.id}`} docxLabel={t('minutes.docx')} pdfLabel={t('minutes.pdf')} />
            {m.abilities.finalize && (
              <ConfirmButton loading={finalize.isPending} message={t('common.confirmIssue')} onConfirm={() => finalize.mutate(m)}>
                {t('minutes.finalize')}
              </ConfirmButton>
            )}
          </Group>
          {/* The scan of the signed minutes: listed with download links; attached by whoever the server allows. */}
          {m.status === 'final' && <AttachmentsField ownerType="inspection_minutes" ownerId={m.id} purpose="signed_scan" label={t('minutes.signedScan')} />}
        </Stack>
      )}
    </Stack>
  );
}
