import { useState } from 'react';
import { Anchor, Button, Card, Group, Loader, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { useAddChecklist, useChecklists, usePublishedTemplates } from './checklists.api.js';

/** On an inspection's page: its checklists with progress, and a checklist added from a published template. */
export function ChecklistsPanel({ inspectionId }: { inspectionId: string }) {
  const t = useT();
  const data = useChecklists(inspectionId);
  const canAdd = !!data.data?.abilities.addChecklist;
  const templates = usePublishedTemplates(canAdd);
  const add = useAddChecklist(inspectionId);
  const [templateId, setTemplateId] = useState<string | null>(null);

  if (data.isPending) return <Loader size="sm" />;
  if (data.error && !data.data) return <ErrorAlert error={data.error} />;
  const { items, abilities } = data.data!;
  // Only the current revision of each template, and none whose code the inspection already has.
  const used = new Set(items.map((c) => c.templateId));
  const published = templates.data?.items ?? [];
  const codeOf = (tpl: { ownerAgencyId: string; code: string }) => `${tpl.ownerAgencyId}|${tpl.code}`;
  const usedCodes = new Set(published.filter((tpl) => used.has(tpl.id)).map(codeOf));
  const options = published.filter((tpl) => tpl.current && !usedCodes.has(codeOf(tpl))).map((tpl) => ({ value: tpl.id, label: tpl.name }));

  return (
    <Stack gap="xs" component="section" aria-labelledby="checklists-title">
      <Title order={2} size="h4" id="checklists-title">
        {t('checklists.title')}
      </Title>
      {items.length === 0 && <Text c="dimmed">{t('checklists.none')}</Text>}
      {items.map((c) => (
        <Card key={c.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
              <Anchor component={Link} to={`/inspections/${inspectionId}/checklists/${c.id}`} fw={600}>
                {c.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`checklists.kind.${c.kind}`)} · {t('checklists.progress', { answered: c.answered, total: c.total })}
              </Text>
              <Progress value={c.total ? (c.answered / c.total) * 100 : 0} size="xs" aria-hidden />
            </Stack>
            <Button component={Link} to={`/inspections/${inspectionId}/checklists/${c.id}`} variant="light">
              {abilities.fill ? t('checklists.fill') : t('checklists.view')}
            </Button>
          </Group>
        </Card>
      ))}
      {canAdd && options.length > 0 && (
        <Group align="flex-end">
          <Select label={t('checklists.template')} data={options} value={templateId} onChange={setTemplateId} style={{ flex: 1, minWidth: 220 }} />
          <Button disabled={!templateId} loading={add.isPending} onClick={() => templateId && add.mutate(templateId, { onSuccess: () => setTemplateId(null) })}>
            {t('checklists.add')}
          </Button>
        </Group>
      )}
      {add.error && <ErrorAlert error={add.error} />}
    </Stack>
  );
}
