import { ActionIcon, Badge, Button, Card, Checkbox, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { TemplateBody, TemplateItem } from '../../../../shared/api/reports.schemas.js';
import { useT } from '../../i18n/i18n.js';
import { TableEditor } from './TableEditor.js';
import { move, newSection, newTable } from './template-builder.js';

/**
 * The template's outline in the browser: sections (heading, guidance, a free-text answer or a
 * heading only), data tables (see TableEditor) in any order, and the attachments units send.
 */
export function TemplateBuilder({ body, onChange }: { body: TemplateBody; onChange: (b: TemplateBody) => void }) {
  const t = useT();
  const setItem = (i: number, item: TemplateItem) => onChange({ ...body, items: body.items.map((x, j) => (j === i ? item : x)) });
  let tables = 0;
  return (
    <Stack>
      {body.items.map((item, i) => {
        const n = i + 1;
        const tableNo = item.type === 'table' ? ++tables : 0;
        return (
          <Card key={item.key} withBorder aria-label={t('reporting.builder.itemN', { n })}>
            <Group justify="space-between" mb="xs">
              <Badge variant="light">{item.type === 'section' ? t('reporting.builder.section') : t('reporting.builder.tableN', { n: tableNo })}</Badge>
              <Group gap={2}>
                <ActionIcon variant="subtle" aria-label={t('reporting.builder.moveItemUp', { n })} disabled={i === 0} onClick={() => onChange({ ...body, items: move(body.items, i, -1) })}>
                  ↑
                </ActionIcon>
                <ActionIcon variant="subtle" aria-label={t('reporting.builder.moveItemDown', { n })} disabled={i === body.items.length - 1} onClick={() => onChange({ ...body, items: move(body.items, i, 1) })}>
                  ↓
                </ActionIcon>
                <ActionIcon variant="subtle" color="red" aria-label={t('reporting.builder.removeItem', { n })} onClick={() => onChange({ ...body, items: body.items.filter((_, j) => j !== i) })}>
                  ×
                </ActionIcon>
              </Group>
            </Group>
            {item.type === 'section' ? (
              <Stack gap="xs">
                <TextInput label={t('reporting.builder.heading')} value={item.heading} required onChange={(e) => setItem(i, { ...item, heading: e.currentTarget.value })} />
                <Textarea label={t('reporting.builder.guidance')} rows={2} value={item.guidance} onChange={(e) => setItem(i, { ...item, guidance: e.currentTarget.value })} />
                <Checkbox label={t('reporting.builder.answer')} checked={item.answer} onChange={(e) => setItem(i, { ...item, answer: e.currentTarget.checked })} />
              </Stack>
            ) : (
              <Stack gap="xs">
                <TextInput label={t('reporting.builder.tableTitle')} value={item.title} required onChange={(e) => setItem(i, { ...item, title: e.currentTarget.value })} />
                <Textarea label={t('reporting.builder.guidance')} rows={2} value={item.guidance} onChange={(e) => setItem(i, { ...item, guidance: e.currentTarget.value })} />
                <TableEditor table={item} position={tableNo} onChange={(next) => setItem(i, next)} />
              </Stack>
            )}
          </Card>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => onChange({ ...body, items: [...body.items, newSection(body)] })} disabled={body.items.length >= 100}>
          {t('reporting.builder.addSection')}
        </Button>
        <Button variant="default" onClick={() => onChange({ ...body, items: [...body.items, newTable(body)] })} disabled={body.items.length >= 100}>
          {t('reporting.builder.addTable')}
        </Button>
      </Group>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('reporting.builder.attachments')}
        </Title>
        <Stack gap={4}>
          {body.attachments.map((a, i) => (
            <Group key={i} gap="xs" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('reporting.builder.attachmentN', { n: i + 1 })}
                value={a.label}
                required
                onChange={(e) => {
                  const label = e.currentTarget.value;
                  onChange({ ...body, attachments: body.attachments.map((x, j) => (j === i ? { ...x, label } : x)) });
                }}
              />
              <Checkbox label={t('reporting.form.required')} checked={a.required} onChange={(e) => {
                const required = e.currentTarget.checked;
                onChange({ ...body, attachments: body.attachments.map((x, j) => (j === i ? { ...x, required } : x)) });
              }} />
              <ActionIcon variant="subtle" color="red" aria-label={t('reporting.builder.removeAttachment', { n: i + 1 })} onClick={() => onChange({ ...body, attachments: body.attachments.filter((_, j) => j !== i) })}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button size="xs" variant="default" disabled={body.attachments.length >= 20} onClick={() => onChange({ ...body, attachments: [...body.attachments, { label: '', required: true }] })}>
              {t('reporting.builder.addAttachment')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
