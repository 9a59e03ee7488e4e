import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PeriodRule } from '../../../../shared/api/reports.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { api, invalidParamsByField, isApiError } from '../../lib/api-client.js';
import { useNotifySuccess } from '../plans/notify.js';
import { AgencyMultiPicker } from '../plans/AgencyPickers.js';
import { useOfficeAgencies } from './office.js';
import { useTemplates } from './reports.api.js';

const rulesKey = ['report-period-rules'] as const;
type Editable = Pick<PeriodRule, 'name' | 'fromMonth' | 'fromDay' | 'fromYearOffset' | 'toMonth' | 'toDay' | 'dueMonth' | 'dueDay' | 'opensDaysBeforeDue' | 'remindWorkingDays' | 'escalateAfterWorkingDays' | 'active' | 'targetAgencyIds'>;
const fields = ['name', 'fromMonth', 'fromDay', 'fromYearOffset', 'toMonth', 'toDay', 'dueMonth', 'dueDay', 'opensDaysBeforeDue', 'remindWorkingDays', 'escalateAfterWorkingDays', 'active', 'targetAgencyIds'] as const satisfies readonly (keyof Editable)[];
const editableOf = (r: PeriodRule): Editable => Object.fromEntries(fields.map((f) => [f, r[f]])) as Editable;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** A new period's starting values: a quarter-like cut-off, due the 20th, the usual reminders. */
const blank: Editable = { name: '', fromMonth: 1, fromDay: 1, fromYearOffset: 0, toMonth: 3, toDay: 31, dueMonth: 3, dueDay: 20, opensDaysBeforeDue: 15, remindWorkingDays: 2, escalateAfterWorkingDays: 3, active: true, targetAgencyIds: [] };
const noUnits: { value: string; label: string }[] = [];
const dm = (d: number, m: number) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}`;

/**
 * /reports/period-rules — the periodic reporting regime as data (issue 9 §2): each period's
 * cut-off (from–to, the "from" possibly in the previous year), its due day, when the request opens,
 * reminders and escalation in working days. Those who manage the owner edit them (versioned: a
 * stale save gets 409 and offers to reload); the others read them.
 */
export function PeriodRulesPage() {
  const t = useT();
  const rules = useQuery({ queryKey: rulesKey, queryFn: ({ signal }) => api.get<{ items: PeriodRule[] }>('/api/report-period-rules', undefined, signal) });
  return (
    <Stack maw={900}>
      <div>
        <Anchor component={Link} to="/reports/requests" size="sm">
          ← {t('reporting.requests.title')}
        </Anchor>
        <Title order={1} size="h2">
          {t('reporting.rules.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reporting.rules.intro')}
        </Text>
      </div>
      {rules.isPending && <Loader aria-label={t('app.loading')} />}
      {rules.error ? <ErrorAlert error={rules.error} /> : null}
      {rules.data?.items.length === 0 && <Text c="dimmed">{t('reporting.rules.none')}</Text>}
      <NewRule />
      {rules.data?.items.map((r) => <RuleCard key={`${r.id}:${r.version}`} rule={r} onReload={() => void rules.refetch()} />)}
    </Stack>
  );
}

function RuleCard({ rule, onReload }: { rule: PeriodRule; onReload: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const notifySuccess = useNotifySuccess();
  const [v, setV] = useState<Editable>(editableOf(rule));
  const known = useMemo(() => rule.targetAgencies.map((a) => ({ value: a.id, label: a.name })), [rule.targetAgencies]);
  const save = useMutation({
    mutationFn: () => {
      const changes = Object.fromEntries(fields.filter((f) => !same(v[f], rule[f])).map((f) => [f, v[f]]));
      return api.patch<PeriodRule>(`/api/report-period-rules/${rule.id}`, { version: rule.version, ...changes });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<{ items: PeriodRule[] }>(rulesKey, (old) => old && { items: old.items.map((x) => (x.id === saved.id ? saved : x)) });
      notifySuccess(t('reporting.rules.saved', { code: saved.code }));
    },
  });
  const fieldError = useFieldErrors(save.error);
  const unchanged = fields.every((f) => same(v[f], rule[f]));
  const stale = isApiError(save.error, 'VERSION_CONFLICT');
  return (
    <Paper withBorder p="md" aria-label={`${rule.code} — ${rule.name}`} component="section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {rule.code} — {rule.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t('reporting.rules.summary', { from: dm(rule.fromDay, rule.fromMonth), to: dm(rule.toDay, rule.toMonth), due: dm(rule.dueDay, rule.dueMonth) })}</Badge>
            {!rule.active && <Badge color="gray">{t('reporting.rules.inactive')}</Badge>}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('reporting.rules.owner', { owner: rule.ownerAgencyName, units: rule.targetAgencyIds.length, template: rule.templateCode, version: rule.version })}
        </Text>
        <RuleFields v={v} setV={setV} readOnly={!rule.canManage} known={known} fieldError={fieldError} />
        {stale ? (
          <Alert color="orange" role="alert" title={t('reporting.rules.staleTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('reporting.rules.stale')}</Text>
              <Group>
                <Button size="xs" variant="default" onClick={onReload}>
                  {t('reporting.rules.reload')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : save.error ? (
          <ErrorAlert error={save.error} />
        ) : null}
        {rule.canManage && (
          <Group>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={unchanged}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The units a period asks: named chips, searched in the register to add more. Their names come
 * with the rule (`targetAgencies`, one request for the whole page), never a request per unit.
 */
function TargetsField({ value, onChange, readOnly, known, error }: { value: string[]; onChange: (ids: string[]) => void; readOnly: boolean; known: { value: string; label: string }[]; error?: string }) {
  const t = useT();
  if (readOnly) return <Text size="sm">{t('reporting.rules.targets')}: {known.map((k) => k.label).join('; ')}</Text>;
  return <AgencyMultiPicker label={t('reporting.rules.targets')} value={value} onChange={onChange} known={known} error={error} />;
}

/** The fields of a period, for editing one and for a new one. */
function RuleFields({ v, setV, readOnly, known, fieldError }: { v: Editable; setV: React.Dispatch<React.SetStateAction<Editable>>; readOnly: boolean; known: { value: string; label: string }[]; fieldError: (field: string) => string | undefined }) {
  const t = useT();
  const num = (f: Exclude<keyof Editable, 'name' | 'active' | 'fromYearOffset' | 'targetAgencyIds'>, min: number, max: number) => (
    <NumberInput label={t(`reporting.rules.${f}`)} min={min} max={max} allowDecimal={false} value={v[f]} readOnly={readOnly} error={fieldError(f)} onChange={(x) => setV((s) => ({ ...s, [f]: typeof x === 'number' ? x : Number(x) || 0 }))} />
  );
  return (
    <>
        <TextInput label={t('reporting.rules.name')} value={v.name} readOnly={readOnly} error={fieldError('name')} onChange={(e) => {
            const name = e.currentTarget.value;
            setV((s) => ({ ...s, name }));
          }} />
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          {num('fromDay', 1, 31)}
          {num('fromMonth', 1, 12)}
          <Select
            label={t('reporting.rules.fromYearOffset')}
            data={[
              { value: '0', label: t('reporting.rules.sameYear') },
              { value: '-1', label: t('reporting.rules.previousYear') },
            ]}
            value={String(v.fromYearOffset)}
            readOnly={readOnly}
            allowDeselect={false}
            onChange={(x) => setV((s) => ({ ...s, fromYearOffset: Number(x ?? 0) }))}
          />
          {num('toDay', 1, 31)}
          {num('toMonth', 1, 12)}
          <div />
          {num('dueDay', 1, 31)}
          {num('dueMonth', 1, 12)}
          {num('opensDaysBeforeDue', 0, 120)}
          {num('remindWorkingDays', 0, 30)}
          {num('escalateAfterWorkingDays', 1, 60)}
          <Switch label={t('reporting.rules.active')} checked={v.active} disabled={readOnly} onChange={(e) => {
              const active = e.currentTarget.checked;
              setV((s) => ({ ...s, active }));
            }} mt="lg" />
        </SimpleGrid>
        <TargetsField value={v.targetAgencyIds} onChange={(targetAgencyIds) => setV((s) => ({ ...s, targetAgencyIds }))} readOnly={readOnly} known={known} error={fieldError('targetAgencyIds')} />
    </>
  );
}

/** A new period of the office's regime: code, name, template, cut-off, due day and the units asked (POST). */
function NewRule() {
  const t = useT();
  const queryClient = useQueryClient();
  const notifySuccess = useNotifySuccess();
  const office = useOfficeAgencies();
  const templates = useTemplates({ status: 'published' });
  const [open, setOpen] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [templateCode, setTemplateCode] = useState<string | null>(null);
  const [v, setV] = useState<Editable>(blank);
  const create = useMutation({
    mutationFn: () => api.post<PeriodRule>('/api/report-period-rules', { ownerAgencyId: owner ?? office.options[0]?.value, code: code.trim().toUpperCase(), templateCode, ...v, name: v.name.trim() }),
    onSuccess: (saved) => {
      queryClient.setQueryData<{ items: PeriodRule[] }>(rulesKey, (old) => old && { items: [...old.items, saved] });
      notifySuccess(t('reporting.rules.created', { code: saved.code }));
      setOpen(false);
      setCode('');
      setV(blank);
    },
  });
  const fieldError = useFieldErrors(create.error);
  if (!office.officeId) return null;
  if (!open)
    return (
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          {t('reporting.rules.new')}
        </Button>
      </Group>
    );
  const codes = [...new Set((templates.data?.items ?? []).map((tp) => tp.code))].map((c) => ({ value: c, label: `${(templates.data?.items ?? []).find((tp) => tp.code === c)?.name ?? c} (${c})` }));
  return (
    <Paper withBorder p="md" aria-label={t('reporting.rules.new')} component="section">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('reporting.rules.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('reporting.col.owner')} required data={office.options} value={owner ?? office.options[0]?.value ?? null} onChange={setOwner} allowDeselect={false} error={fieldError('ownerAgencyId')} />
          <TextInput label={t('reporting.rules.code')} description={t('reporting.rules.codeHint')} required value={code} onChange={(e) => setCode(e.currentTarget.value)} error={fieldError('code')} />
          <Select label={t('reporting.col.template')} required data={codes} value={templateCode} onChange={setTemplateCode} error={fieldError('templateCode')} />
        </SimpleGrid>
        <RuleFields v={v} setV={setV} readOnly={false} known={noUnits} fieldError={fieldError} />
        {create.error != null && !Object.keys(invalidParamsByField(create.error)).length && <ErrorAlert error={create.error} />}
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!code.trim() || !templateCode || !v.name.trim() || v.targetAgencyIds.length === 0}>
            {t('reporting.rules.create')}
          </Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
