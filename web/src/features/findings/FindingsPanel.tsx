import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Finding } from '../../../../shared/api/findings.schemas.js';
import type { FindingKind } from '../../../../shared/domain/checklists.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { useChecklists } from '../checklists/checklists.api.js';
import { useFindings, useWithdrawFinding } from './findings.api.js';
import { FindingFormModal } from './FindingForm.js';

export const kindColor: Record<FindingKind, string> = { good_practice: 'green', shortcoming: 'yellow', violation: 'red' };

/** On an inspection's page: its findings by kind, a free finding recorded, one edited or withdrawn. */
export function FindingsPanel({ inspectionId }: { inspectionId: string }) {
  const t = useT();
  const findings = useFindings(inspectionId);
  const checklists = useChecklists(inspectionId);
  const withdraw = useWithdrawFinding(inspectionId);
  const [editing, setEditing] = useState<Finding | 'new' | null>(null);
  const groups = checklists.data?.items.flatMap((c) => c.groups) ?? [];
  const evidence = checklists.data?.items.flatMap((c) => c.items.flatMap((i) => i.evidence)) ?? [];
  const groupTitle = new Map(groups.map((g) => [g.code, g.title]));
  const canRecord = !!checklists.data?.abilities.recordFindings;

  return (
    <Stack gap="xs" component="section" aria-labelledby="findings-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="findings-title">
          {t('findings.title')}
        </Title>
        {canRecord && (
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('findings.new')}
          </Button>
        )}
      </Group>
      {findings.isPending ? (
        <Loader size="sm" />
      ) : findings.error ? (
        <ErrorAlert error={findings.error} />
      ) : findings.data.items.length === 0 ? (
        <Text c="dimmed">{t('findings.none')}</Text>
      ) : (
        findings.data.items.map((f) => (
          <Card key={f.id} withBorder padding="sm" component="article" aria-label={f.title} opacity={f.withdrawnAt ? 0.6 : 1}>
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color={kindColor[f.kind]}>{t(`findings.kind.${f.kind}`)}</Badge>
                {f.severity && <Badge variant="outline">{t(`findings.severity.${f.severity}`)}</Badge>}
                {f.withdrawnAt && <Badge color="gray">{t('findings.withdrawn')}</Badge>}
                <Text size="xs" c="dimmed">
                  {groupTitle.get(f.contentGroup) ?? f.contentGroup}
                  {f.checklistItemCode ? ` · ${t('findings.fromItem', { code: f.checklistItemCode })}` : ''}
                </Text>
              </Group>
              <Text fw={600}>{f.title}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {f.text}
              </Text>
              {f.recommendation && (
                <Text size="sm" c="dimmed">
                  {t('findings.recommendation')}: {f.recommendation}
                </Text>
              )}
              {f.escalations.length > 0 && (
                <Group gap={6}>
                  <Text size="sm">{t('findings.escalatedIn')}</Text>
                  {f.escalations.map((e) => (
                    <Anchor key={e.id} component={Link} to={`/escalations/${e.id}`} size="sm">
                      {e.documentNumber ?? t('findings.escalationDraft')} ({t(`escalations.status.${e.status}`)})
                    </Anchor>
                  ))}
                </Group>
              )}
              {(f.abilities.update || f.abilities.withdraw) && (
                <Group gap="xs">
                  {f.abilities.update && (
                    <Button size="xs" variant="subtle" onClick={() => setEditing(f)}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {f.abilities.withdraw && (
                    <Button size="xs" variant="subtle" color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate(f)}>
                      {t('findings.withdraw')}
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </Card>
        ))
      )}
      {withdraw.error && <ErrorAlert error={withdraw.error} />}
      {editing && (
        <FindingFormModal inspectionId={inspectionId} opened onClose={() => setEditing(null)} finding={editing === 'new' ? null : editing} groups={groups} evidence={evidence} />
      )}
    </Stack>
  );
}
