import { useState } from 'react';
import { Button, Card, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReportRequest, RequestLetter } from '../../../../shared/api/reports.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { useUpdateRequest } from './reports.api.js';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The draft công văn's texts (V/v, Kính gửi, the paragraphs, Nơi nhận), one item a line. */
export function RequestLetterEditor({ request, letter, onReload }: { request: ReportRequest; letter: RequestLetter; onReload: () => void }) {
  const t = useT();
  const update = useUpdateRequest(request.id);
  const [summary, setSummary] = useState(letter.summary);
  const [addressees, setAddressees] = useState(letter.addressees.join('\n'));
  const [paragraphs, setParagraphs] = useState(letter.paragraphs.join('\n'));
  const [recipients, setRecipients] = useState(letter.recipients.join('\n'));
  const save = () =>
    update.mutate(
      { version: request.version, letter: { summary: summary.trim(), addressees: lines(addressees), paragraphs: lines(paragraphs), recipients: lines(recipients) } },
      { onSuccess: () => notifications.show({ color: 'green', message: t('common.saved') }) },
    );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('reporting.letter.title')}
        </Title>
        <TextInput label={t('reporting.letter.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} required />
        <Textarea label={t('reporting.letter.addressees')} description={t('reporting.letter.oneALine')} rows={2} value={addressees} onChange={(e) => setAddressees(e.currentTarget.value)} />
        <Textarea label={t('reporting.letter.paragraphs')} description={t('reporting.letter.oneALine')} rows={6} value={paragraphs} onChange={(e) => setParagraphs(e.currentTarget.value)} />
        <Textarea label={t('reporting.letter.recipients')} description={t('reporting.letter.oneALine')} rows={2} value={recipients} onChange={(e) => setRecipients(e.currentTarget.value)} />
        {update.error != null && (
          <ErrorAlert
            error={update.error}
            onReload={() => {
              update.reset();
              onReload();
            }}
          />
        )}
        <Group>
          <Button variant="default" onClick={save} loading={update.isPending} disabled={!summary.trim()}>
            {t('reporting.letter.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
