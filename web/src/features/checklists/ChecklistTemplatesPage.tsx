import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Loader, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { checklistTemplateKinds, type ChecklistTemplateKind } from '../../../../shared/domain/checklists.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { useOfficeAgencies } from '../reports/office.js';
import { useCreateTemplate, useTemplateList, type TemplateSummaryRow } from './checklist-templates.api.js';

/** A template's versions share its owner and code; the list holds them newest first. */
export const sameTemplate = (a: TemplateSummaryRow, b: TemplateSummaryRow) => a.ownerAgencyId === b.ownerAgencyId && a.code === b.code;

export function StatusBadge({ status }: { status: TemplateSummaryRow['status'] }) {
  const t = useT();
  return (
    <Badge variant="light" color={status === 'published' ? 'green' : 'gray'}>
      {t(`checklistTemplates.status.${status}`)}
    </Badge>
  );
}

/** A new draft: owner (the office or its committee), kind, code, name, basis and its first group. */
function NewTemplateForm({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const office = useOfficeAgencies();
  const create = useCreateTemplate();
  const fieldError = useFieldErrors(create.error);
  const [owner, setOwner] = useState<string | null>(null);
  const [kind, setKind] = useState<ChecklistTemplateKind>('content');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [groupTitle, setGroupTitle] = useState('');
  const ownerId = owner ?? office.options[0]?.value ?? null;
  const submit = () =>
    ownerId &&
    create.mutate(
      { ownerAgencyId: ownerId, kind, code: code.trim(), name: name.trim(), source: source.trim() || null, groups: [{ code: 'a', title: groupTitle.trim(), by: kind === 'one_stop' ? 'place' : 'content', assignedTasks: false }], items: [] },
      { onSuccess: (created) => void navigate(`/checklist-templates/${created.id}`) },
    );
  return (
    <Card withBorder component="form" aria-label={t('checklistTemplates.new')} onSubmit={(e: React.FormEvent) => (e.preventDefault(), submit())}>
      <Stack>
        <Title order={2} size="h4">
          {t('checklistTemplates.new')}
        </Title>
        <Group grow align="flex-start">
          <Select label={t('checklistTemplates.owner')} data={office.options} value={ownerId} onChange={setOwner} allowDeselect={false} error={fieldError('ownerAgencyId')} />
          <Select
            label={t('checklistTemplates.kind')}
            data={checklistTemplateKinds.map((k) => ({ value: k, label: t(`checklists.kind.${k}`) }))}
            value={kind}
            onChange={(k) => k && setKind(k as ChecklistTemplateKind)}
            allowDeselect={false}
          />
        </Group>
        <TextInput label={t('checklistTemplates.code')} description={t('checklistTemplates.code.hint')} required value={code} error={fieldError('code')} onChange={(e) => setCode(e.currentTarget.value)} />
        <TextInput label={t('checklistTemplates.name')} required value={name} error={fieldError('name')} onChange={(e) => setName(e.currentTarget.value)} />
        <Textarea label={t('checklistTemplates.source')} rows={2} value={source} error={fieldError('source')} onChange={(e) => setSource(e.currentTarget.value)} />
        <TextInput label={t('checklistTemplates.firstGroup')} required value={groupTitle} error={fieldError('groups.0.title')} onChange={(e) => setGroupTitle(e.currentTarget.value)} />
        {create.error != null && !fieldError('code') && !fieldError('name') && !fieldError('groups.0.title') && <ErrorAlert error={create.error} />}
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!ownerId}>
            {t('checklistTemplates.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * /checklist-templates — the templates the caller may read, one row per template (its newest
 * version, and the published one teams use); the office creates new ones here.
 */
export function ChecklistTemplatesPage() {
  const t = useT();
  const { can } = useSession();
  const list = useTemplateList();
  const [creating, setCreating] = useState(false);
  const rows = list.data?.items ?? [];
  const heads = rows.filter((r, i) => rows.findIndex((x) => sameTemplate(x, r)) === i);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('checklistTemplates.title')}
        </Title>
        {can('checklist.manage') && !creating && <Button onClick={() => setCreating(true)}>{t('checklistTemplates.new')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('checklistTemplates.intro')}
      </Text>
      {creating && <NewTemplateForm onCancel={() => setCreating(false)} />}
      {list.isPending && <Loader size="sm" />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && heads.length === 0 && <Text c="dimmed">{t('checklistTemplates.none')}</Text>}
      {heads.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('checklistTemplates.name')}</Table.Th>
                <Table.Th>{t('checklistTemplates.code')}</Table.Th>
                <Table.Th>{t('checklistTemplates.kind')}</Table.Th>
                <Table.Th>{t('checklistTemplates.versions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {heads.map((head) => {
                const published = rows.find((r) => sameTemplate(r, head) && r.status === 'published');
                return (
                  <Table.Tr key={head.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/checklist-templates/${head.id}`}>
                        {head.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {head.ownerAgencyName} · {t('checklistTemplates.items', { count: head.itemCount })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{head.code}</Table.Td>
                    <Table.Td>{t(`checklists.kind.${head.kind}`)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm">{t('checklistTemplates.revision', { revision: head.revision })}</Text>
                        <StatusBadge status={head.status} />
                        {published && published.id !== head.id && (
                          <Anchor component={Link} to={`/checklist-templates/${published.id}`} size="sm">
                            {t('checklistTemplates.revision', { revision: published.revision })} <StatusBadge status="published" />
                          </Anchor>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
