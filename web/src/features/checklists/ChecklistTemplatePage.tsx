import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import type { TemplateDetail } from '../../../../shared/api/checklists.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { useNewTemplateVersion, useTemplateDetail, useTemplateList } from './checklist-templates.api.js';
import { sameTemplate, StatusBadge } from './ChecklistTemplatesPage.js';
import { TemplateEditor } from './TemplateEditor.js';

/** A template read-only: its groups and items as teams will see them. */
function TemplateView({ template }: { template: TemplateDetail }) {
  const t = useT();
  return (
    <Stack gap="sm">
      {template.source && (
        <Text size="sm">
          {t('checklistTemplates.source')}: {template.source}
        </Text>
      )}
      {template.groups.map((g) => (
        <Card key={g.code} withBorder padding="sm" component="section" aria-label={g.title}>
          <Title order={3} size="h5">
            {g.title}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t(`checklistTemplates.group.by.${g.by}`)}
            {g.assignedTasks && ` · ${t('checklistTemplates.group.assignedTasks')}`}
          </Text>
          <Stack gap={6}>
            {template.items
              .filter((i) => i.groupCode === g.code)
              .map((i) => (
                <div key={i.id}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={600} miw={48}>
                      {i.code}
                    </Text>
                    <div>
                      <Text size="sm">{i.text}</Text>
                      {i.guidance && (
                        <Text size="xs" c="dimmed">
                          {i.guidance}
                        </Text>
                      )}
                      <Group gap={4} mt={2}>
                        <Badge size="xs" variant="outline" color="gray" tt="none">
                          {t(`checklistTemplates.item.answerType.${i.answerType}`)}
                        </Badge>
                        {i.evidenceRequired && (
                          <Badge size="xs" variant="light" color="orange" tt="none">
                            {t('checklistTemplates.item.evidenceRequired')}
                          </Badge>
                        )}
                      </Group>
                    </div>
                  </Group>
                </div>
              ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/**
 * /checklist-templates/:id — one version of a template: its draft editor when it is a draft the
 * caller may edit, otherwise read-only (a published version frozen, with "make a new version");
 * every version of the template listed beside it.
 */
export function ChecklistTemplatePage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const query = useTemplateDetail(id);
  const list = useTemplateList();
  const template = query.data;
  const newVersion = useNewTemplateVersion(id);
  // Bumped after a reload (a version conflict): the editor starts again from the server's copy.
  const [reloads, setReloads] = useState(0);

  const back = (
    <Anchor component={Link} to="/checklist-templates" size="sm">
      ← {t('checklistTemplates.back')}
    </Anchor>
  );
  if (query.isPending) return <Loader size="sm" />;
  if (!template)
    return (
      <Stack>
        {back}
        <ErrorAlert error={query.error} />
      </Stack>
    );

  const versions = (list.data?.items ?? []).filter((r) => sameTemplate(r, template));
  // The server says which revision is current and which draft is open: a new version is made only
  // from the latest published revision, and never while a draft is open (versions never fork).
  const openDraft = template.current && template.draftId ? { id: template.draftId, revision: versions.find((r) => r.id === template.draftId)?.revision ?? template.revision + 1 } : null;
  const older = template.status === 'published' && !template.current;

  return (
    <Stack>
      {back}
      <div>
        <Group gap="xs">
          <Title order={1} size="h2">
            {template.name}
          </Title>
          <StatusBadge status={template.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {template.code} · {t('checklistTemplates.revision', { revision: template.revision })} · {t(`checklists.kind.${template.kind}`)} · {template.ownerAgencyName}
        </Text>
      </div>
      {versions.length > 1 && (
        <Group gap="xs" component="nav" aria-label={t('checklistTemplates.versions')}>
          <Text size="sm" fw={600}>
            {t('checklistTemplates.versions')}:
          </Text>
          {versions.map((v) =>
            v.id === template.id ? (
              <Text size="sm" key={v.id} aria-current="page">
                {t('checklistTemplates.revision', { revision: v.revision })} ({t('checklistTemplates.thisVersion')})
              </Text>
            ) : (
              <Anchor key={v.id} component={Link} to={`/checklist-templates/${v.id}`} size="sm">
                {t('checklistTemplates.revision', { revision: v.revision })} · {t(`checklistTemplates.status.${v.status}`)}
              </Anchor>
            ),
          )}
        </Group>
      )}
      {template.abilities.update ? (
        <TemplateEditor key={`${template.id}:${reloads}`} template={template} onReload={() => void query.refetch().then(() => setReloads((n) => n + 1))} />
      ) : (
        <>
          {template.status === 'published' && (
            <Alert color="blue" variant="light">
              <Text size="sm">{older ? t('checklistTemplates.olderVersion') : t('checklistTemplates.frozen')}</Text>
              {(openDraft || template.abilities.newVersion) && (
                <Group mt="sm">
                  {openDraft ? (
                    <Button component={Link} to={`/checklist-templates/${openDraft.id}`} variant="light" size="xs">
                      {t('checklistTemplates.openDraft', { revision: openDraft.revision })}
                    </Button>
                  ) : (
                    <Button size="xs" loading={newVersion.isPending} onClick={() => newVersion.mutate(template.version, { onSuccess: (draft) => void navigate(`/checklist-templates/${draft.id}`) })}>
                      {t('checklistTemplates.newVersion')}
                    </Button>
                  )}
                </Group>
              )}
            </Alert>
          )}
          {newVersion.error != null && <ErrorAlert error={newVersion.error} onReload={() => (newVersion.reset(), void query.refetch())} />}
          <TemplateView template={template} />
        </>
      )}
    </Stack>
  );
}
