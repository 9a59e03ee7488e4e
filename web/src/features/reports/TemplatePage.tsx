import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { templateKinds, type ReportTemplate, type TemplateBody } from '../../../../shared/api/reports.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fieldMessageKey } from '../../i18n/errors.js';
import { useT, type Translate } from '../../i18n/i18n.js';
import { ApiError } from '../../lib/api-client.js';
import { templateKindKey, templateStatusKey } from './labels.js';
import { useOfficeAgencies } from './office.js';
import { useCopyTemplate, useCreateTemplate, usePublishTemplate, useTemplate, useUpdateTemplate } from './reports.api.js';
import { emptyBody } from './template-builder.js';
import { TemplateBuilder } from './TemplateBuilder.js';
import { TemplatePreview } from './TemplatePreview.js';
import { CopyForNextYear } from './TemplatesPage.js';

/** A code from the name, as the API wants it ("Báo cáo quý" → "bao_cao_quy"). */
export function codeFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (/^[a-z]/.test(slug) ? slug : `mau_${slug}`).slice(0, 40).replace(/_+$/, '');
}

/** "Mục 3, cột 1: Bắt buộc nhập." from `body.body.items.2.columns.0.label` (the builder's numbering). */
function fieldProblems(t: Translate, error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  return error.invalidParams.map((p) => {
    const parts: string[] = [];
    const item = /items\.(\d+)/.exec(p.name);
    if (item) parts.push(t('reporting.builder.itemN', { n: Number(item[1]) + 1 }));
    const column = /columns\.(\d+)/.exec(p.name);
    if (column) parts.push(t('reporting.builder.columnN', { n: Number(column[1]) + 1 }));
    const row = /fixedRows\.(\d+)/.exec(p.name);
    if (row) parts.push(t('reporting.builder.rowN', { n: Number(row[1]) + 1 }));
    const attachment = /attachments\.(\d+)/.exec(p.name);
    if (attachment) parts.push(t('reporting.builder.attachmentN', { n: Number(attachment[1]) + 1 }));
    if (!parts.length) parts.push(p.name.replace(/^body\./, ''));
    return `${parts.join(', ')}: ${t(fieldMessageKey(p.code))}`;
  });
}

function Problems({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const t = useT();
  const lines = fieldProblems(t, error);
  if (!error) return null;
  if (!lines.length) return <ErrorAlert error={error} onReload={onReload} />;
  return (
    <Alert color="red" variant="light" role="alert" title={t('reporting.builder.invalid')}>
      {lines.map((l) => (
        <Text size="sm" key={l}>
          {l}
        </Text>
      ))}
    </Alert>
  );
}

/** The draft's editor: name, year and the builder; Save, and Publish (which freezes it). */
function DraftEditor({ template, onReload }: { template: ReportTemplate; onReload: () => void }) {
  const t = useT();
  const update = useUpdateTemplate(template.id);
  const publish = usePublishTemplate(template.id);
  const [name, setName] = useState(template.name);
  const [year, setYear] = useState<number | null>(template.year);
  const [body, setBody] = useState<TemplateBody>(template.body);
  const [dirty, setDirty] = useState(false);
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setDirty(true);
  };
  const save = async (): Promise<ReportTemplate | null> => {
    try {
      const saved = await update.mutateAsync({ version: template.version, name: name.trim(), year, body });
      setDirty(false);
      return saved;
    } catch {
      return null;
    }
  };
  const publishNow = async () => {
    const current = dirty ? await save() : template;
    if (!current) return;
    publish.mutate(current.version, { onSuccess: () => notifications.show({ color: 'green', message: t('reporting.templates.published') }) });
  };
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label={t('reporting.templates.name')} required style={{ flex: 1 }} value={name} onChange={(e) => edit(setName)(e.currentTarget.value)} />
        <NumberInput label={t('reporting.templates.year')} w={140} min={2000} max={2100} value={year ?? ''} onChange={(v) => edit(setYear)(typeof v === 'number' ? v : null)} />
      </Group>
      <TemplateBuilder body={body} onChange={edit(setBody)} />
      <Problems
        error={update.error ?? publish.error}
        onReload={() => {
          update.reset();
          publish.reset();
          onReload();
        }}
      />
      <Group>
        <Button variant="default" onClick={() => void save().then((s) => s && notifications.show({ color: 'green', message: t('common.saved') }))} loading={update.isPending} disabled={!dirty}>
          {t('reporting.templates.save')}
        </Button>
        <Button onClick={() => void publishNow()} loading={publish.isPending}>
          {t('reporting.templates.publish')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('reporting.templates.publishHint')}
        </Text>
      </Group>
    </Stack>
  );
}

/** /reports/templates/new — a new draft: owner (the office), kind, name (its code follows), year. */
function NewTemplate() {
  const t = useT();
  const navigate = useNavigate();
  const office = useOfficeAgencies();
  const create = useCreateTemplate();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('other');
  const [year, setYear] = useState<number | null>(null);
  const code = codeFromName(name);
  return (
    <Card withBorder>
      <Stack>
        <TextInput label={t('reporting.templates.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} description={code ? t('reporting.templates.code', { code }) : undefined} />
        <Group>
          <Select label={t('reporting.col.kind')} data={templateKinds.map((k) => ({ value: k, label: t(templateKindKey(k)) }))} value={kind} onChange={setKind} allowDeselect={false} />
          <NumberInput label={t('reporting.templates.year')} w={140} min={2000} max={2100} value={year ?? ''} onChange={(v) => setYear(typeof v === 'number' ? v : null)} />
        </Group>
        <Problems error={create.error} />
        <Group>
          <Button
            disabled={!name.trim() || !code || !office.officeId}
            loading={create.isPending}
            onClick={() => create.mutate({ ownerAgencyId: office.officeId, code, name: name.trim(), kind, year, body: emptyBody() }, { onSuccess: (tp) => void navigate(`/reports/templates/${tp.id}`) })}
          >
            {t('reporting.templates.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A published version: frozen; a new version (or next year's) is a copy. */
function Published({ template }: { template: ReportTemplate }) {
  const t = useT();
  const navigate = useNavigate();
  const copy = useCopyTemplate(template.id);
  return (
    <Stack>
      <Alert color="blue" variant="light">
        <Text size="sm">{t('reporting.templates.frozen')}</Text>
      </Alert>
      {template.abilities.copy && (
        <Group>
          <Button variant="default" loading={copy.isPending} onClick={() => copy.mutate({}, { onSuccess: (c) => void navigate(`/reports/templates/${c.id}`) })}>
            {t('reporting.templates.newVersion')}
          </Button>
          <CopyForNextYear template={template} />
        </Group>
      )}
      {copy.error != null && <ErrorAlert error={copy.error} />}
      {template.body.items.some((i) => i.type === 'table') && (
        <Anchor href={`/api/report-templates/${template.id}/form.xlsx`} download size="sm">
          {t('reporting.formXlsx.blank')}
        </Anchor>
      )}
      <Card withBorder>
        <TemplatePreview body={template.body} />
      </Card>
    </Stack>
  );
}

/** /reports/templates/:id (and /new) — the template builder and editor. */
export function TemplatePage() {
  const t = useT();
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const query = useTemplate(isNew ? '' : id);
  const head = (title: string, badge?: React.ReactNode) => (
    <div>
      <Anchor component={Link} to="/reports/templates" size="sm">
        ← {t('reporting.templates.title')}
      </Anchor>
      <Group gap="xs">
        <Title order={1} size="h2">
          {title}
        </Title>
        {badge}
      </Group>
    </div>
  );
  if (isNew)
    return (
      <Stack>
        {head(t('reporting.templates.new'))}
        <NewTemplate />
      </Stack>
    );
  if (query.isPending) return <Loader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const tp = query.data;
  return (
    <Stack>
      {head(
        tp.name,
        <>
          <Badge color={tp.status === 'published' ? 'green' : 'yellow'}>{t(templateStatusKey(tp.status))}</Badge>
          <Badge variant="light">{t('reporting.revision', { n: tp.revision })}</Badge>
        </>,
      )}
      <Text size="sm" c="dimmed">
        {t(templateKindKey(tp.kind))} · {tp.code} · {tp.ownerAgencyName}
      </Text>
      {tp.abilities.update ? <DraftEditor key={tp.id} template={tp} onReload={() => void query.refetch()} /> : <Published template={tp} />}
    </Stack>
  );
}
