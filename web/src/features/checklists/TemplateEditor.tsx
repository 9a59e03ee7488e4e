import { useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TemplateDetail } from '../../../../shared/api/checklists.schemas.js';
import { answerTypes, type AnswerType, type ChecklistGroup } from '../../../../shared/domain/checklists.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../lib/api-client.js';
import { usePublishTemplate, useUpdateTemplate, type UpdateTemplateInput } from './checklist-templates.api.js';

interface DraftItem {
  key: number;
  code: string;
  text: string;
  guidance: string;
  answerType: AnswerType;
  evidenceRequired: boolean;
}
interface DraftGroup extends ChecklistGroup {
  key: number;
  items: DraftItem[];
}

let nextKey = 0;
const newKey = () => ++nextKey;

/** The template's groups, each holding its items in order (the API keeps items flat, by group code). */
export function draftOf(template: Pick<TemplateDetail, 'groups' | 'items'>): DraftGroup[] {
  return template.groups.map((g) => ({
    ...g,
    key: newKey(),
    items: template.items.filter((i) => i.groupCode === g.code).map((i) => ({ key: newKey(), code: i.code, text: i.text, guidance: i.guidance ?? '', answerType: i.answerType, evidenceRequired: i.evidenceRequired })),
  }));
}

/** The PUT body's groups and items: items flattened in group order, each naming its group's code. */
export function contentOf(groups: DraftGroup[]): Pick<UpdateTemplateInput, 'groups' | 'items'> {
  return {
    groups: groups.map(({ code, title, by, assignedTasks }) => ({ code, title, by, assignedTasks })),
    items: groups.flatMap((g) => g.items.map(({ code, text, guidance, answerType, evidenceRequired }) => ({ groupCode: g.code, code, text, guidance: guidance || null, answerType, evidenceRequired }))),
  };
}

const move = <T,>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return list;
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
};

/** The next free code after the last one ("a.3" → "a.4"), so a new item is rarely a duplicate. */
function nextItemCode(group: DraftGroup): string {
  const codes = new Set(group.items.map((i) => i.code));
  for (let n = group.items.length + 1; ; n++) {
    const code = `${group.code || 'x'}.${n}`;
    if (!codes.has(code)) return code;
  }
}

/**
 * A draft template's editor: name and basis, then its groups (content groups or places) with
 * their items, added, removed, reordered and edited in place. Save sends the whole template with
 * the version it was read at (409 on a stale one: reload); Publish asks first, saves what is
 * unsaved and freezes the template. The server's field errors show on the fields they name.
 */
export function TemplateEditor({ template, onReload }: { template: TemplateDetail; onReload: () => void }) {
  const t = useT();
  const update = useUpdateTemplate(template.id);
  const publish = usePublishTemplate(template.id);
  const [name, setName] = useState(template.name);
  const [source, setSource] = useState(template.source ?? '');
  const [groups, setGroups] = useState(() => draftOf(template));
  const [dirty, setDirty] = useState(false);
  // Item positions as the server numbers them (flat, in group order) for its `items.N.field` errors.
  const flatIndex = useRef(new Map<number, number>());
  flatIndex.current = new Map(groups.flatMap((g) => g.items).map((i, n) => [i.key, n]));

  const error = update.error ?? publish.error;
  const fieldError = useFieldErrors(error);
  const itemError = (item: DraftItem, field: string) => fieldError(`items.${flatIndex.current.get(item.key)}.${field}`);
  const validation = error instanceof ApiError && error.code === 'VALIDATION_FAILED';

  const changeGroups = (next: DraftGroup[]) => {
    setGroups(next);
    setDirty(true);
  };
  const setGroup = (gi: number, patch: Partial<DraftGroup>) => changeGroups(groups.map((g, i) => (i === gi ? { ...g, ...patch } : g)));
  const setItem = (gi: number, ii: number, patch: Partial<DraftItem>) => setGroup(gi, { items: groups[gi].items.map((x, i) => (i === ii ? { ...x, ...patch } : x)) });

  const save = async (): Promise<TemplateDetail | null> => {
    try {
      const saved = await update.mutateAsync({ version: template.version, name: name.trim(), source: source.trim() || null, ...contentOf(groups) });
      setDirty(false);
      return saved;
    } catch {
      return null;
    }
  };
  const publishNow = async () => {
    const current = dirty ? await save() : template;
    if (!current) return;
    // Awaited rather than an onSuccess of mutate: once published, the page shows the frozen view instead of this editor.
    if (await publish.mutateAsync(current.version).catch(() => null)) notifications.show({ color: 'green', message: t('checklistTemplates.published') });
  };

  return (
    <Stack>
      <TextInput label={t('checklistTemplates.name')} required value={name} error={fieldError('name')} onChange={(e) => (setName(e.currentTarget.value), setDirty(true))} />
      <Textarea label={t('checklistTemplates.source')} rows={2} value={source} error={fieldError('source')} onChange={(e) => (setSource(e.currentTarget.value), setDirty(true))} />
      {groups.map((g, gi) => (
        <Card key={g.key} withBorder padding="sm" component="section" aria-label={t('checklistTemplates.group', { n: gi + 1 })}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h5">
                {t('checklistTemplates.group', { n: gi + 1 })}
              </Title>
              <Group gap={4}>
                <Button size="compact-xs" variant="subtle" disabled={gi === 0} aria-label={t('checklistTemplates.group.up', { n: gi + 1 })} onClick={() => changeGroups(move(groups, gi, gi - 1))}>
                  ↑
                </Button>
                <Button size="compact-xs" variant="subtle" disabled={gi === groups.length - 1} aria-label={t('checklistTemplates.group.down', { n: gi + 1 })} onClick={() => changeGroups(move(groups, gi, gi + 1))}>
                  ↓
                </Button>
                <Button size="compact-xs" variant="subtle" color="red" disabled={groups.length === 1} aria-label={t('checklistTemplates.group.remove', { n: gi + 1 })} onClick={() => changeGroups(groups.filter((_, i) => i !== gi))}>
                  ✕
                </Button>
              </Group>
            </Group>
            <Group align="flex-start" grow>
              <TextInput label={t('checklistTemplates.group.code')} required maw={140} value={g.code} error={fieldError(`groups.${gi}.code`)} onChange={(e) => setGroup(gi, { code: e.currentTarget.value })} />
              <Select
                label={t('checklistTemplates.group.by')}
                maw={200}
                allowDeselect={false}
                data={(['content', 'place'] as const).map((by) => ({ value: by, label: t(`checklistTemplates.group.by.${by}`) }))}
                value={g.by}
                onChange={(by) => by && setGroup(gi, by === 'place' ? { by, assignedTasks: false } : { by: by as DraftGroup['by'] })}
              />
            </Group>
            <TextInput label={t('checklistTemplates.group.title')} required value={g.title} error={fieldError(`groups.${gi}.title`)} onChange={(e) => setGroup(gi, { title: e.currentTarget.value })} />
            {/* Only a content group lists the register's assigned tasks (the server refuses it on a place). */}
            {g.by === 'content' && (
              <Checkbox label={t('checklistTemplates.group.assignedTasks')} checked={g.assignedTasks} error={fieldError(`groups.${gi}.assignedTasks`)} onChange={(e) => setGroup(gi, { assignedTasks: e.currentTarget.checked })} />
            )}
            {g.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('checklistTemplates.group.empty')}
              </Text>
            )}
            {g.items.map((item, ii) => (
              <Card key={item.key} withBorder padding="xs" bg="gray.0" aria-label={t('checklistTemplates.item', { code: item.code })} role="group">
                <Stack gap={6}>
                  <Group align="flex-start" wrap="wrap">
                    <TextInput label={t('checklistTemplates.item.code')} required w={130} value={item.code} error={itemError(item, 'code') ?? itemError(item, 'groupCode')} onChange={(e) => setItem(gi, ii, { code: e.currentTarget.value })} />
                    <Select
                      label={t('checklistTemplates.item.answerType')}
                      style={{ flex: 1, minWidth: 220 }}
                      allowDeselect={false}
                      data={answerTypes.map((a) => ({ value: a, label: t(`checklistTemplates.item.answerType.${a}`) }))}
                      value={item.answerType}
                      onChange={(a) => a && setItem(gi, ii, { answerType: a as AnswerType })}
                    />
                    <Group gap={4} mt={24}>
                      <Button size="compact-xs" variant="subtle" disabled={ii === 0} aria-label={t('checklistTemplates.item.up', { code: item.code })} onClick={() => setGroup(gi, { items: move(g.items, ii, ii - 1) })}>
                        ↑
                      </Button>
                      <Button size="compact-xs" variant="subtle" disabled={ii === g.items.length - 1} aria-label={t('checklistTemplates.item.down', { code: item.code })} onClick={() => setGroup(gi, { items: move(g.items, ii, ii + 1) })}>
                        ↓
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" aria-label={t('checklistTemplates.item.remove', { code: item.code })} onClick={() => setGroup(gi, { items: g.items.filter((_, i) => i !== ii) })}>
                        ✕
                      </Button>
                    </Group>
                  </Group>
                  <Textarea label={t('checklistTemplates.item.text')} required rows={2} value={item.text} error={itemError(item, 'text')} onChange={(e) => setItem(gi, ii, { text: e.currentTarget.value })} />
                  <Textarea label={t('checklistTemplates.item.guidance')} rows={2} value={item.guidance} error={itemError(item, 'guidance')} onChange={(e) => setItem(gi, ii, { guidance: e.currentTarget.value })} />
                  <Checkbox label={t('checklistTemplates.item.evidenceRequired')} checked={item.evidenceRequired} onChange={(e) => setItem(gi, ii, { evidenceRequired: e.currentTarget.checked })} />
                </Stack>
              </Card>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() => setGroup(gi, { items: [...g.items, { key: newKey(), code: nextItemCode(g), text: '', guidance: '', answerType: 'rating', evidenceRequired: false }] })}
              >
                {t('checklistTemplates.item.add', { n: gi + 1 })}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() => changeGroups([...groups, { key: newKey(), code: String.fromCharCode(97 + (groups.length % 26)), title: '', by: groups.at(-1)?.by ?? 'content', assignedTasks: false, items: [] }])}
        >
          {t('checklistTemplates.group.add')}
        </Button>
      </Group>
      {validation ? (
        <Alert color="red" variant="light" role="alert">
          {t('checklistTemplates.invalid')}
        </Alert>
      ) : (
        <ErrorAlert
          error={error}
          onReload={() => {
            update.reset();
            publish.reset();
            onReload();
          }}
        />
      )}
      <Group>
        <Button variant="default" loading={update.isPending} disabled={!dirty} onClick={() => void save()}>
          {t('checklistTemplates.save')}
        </Button>
        <ConfirmButton message={t('checklistTemplates.publishConfirm')} loading={publish.isPending} onConfirm={() => void publishNow()}>
          {t('checklistTemplates.publish')}
        </ConfirmButton>
        {(dirty || update.isSuccess) && (
          <Text size="sm" c="dimmed" role="status">
            {dirty ? t('checklistTemplates.unsaved') : t('checklistTemplates.saved')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
