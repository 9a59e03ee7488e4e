import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PeriodRule } from '../../../../shared/api/reports.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { api, isApiError } from '../../lib/api-client.js';
import { useNotifySuccess } from '../plans/notify.js';

const rulesKey = ['report-period-rules'] as const;
type Editable = Pick<PeriodRule, 'name' | 'fromMonth' | 'fromDay' | 'fromYearOffset' | 'toMonth' | 'toDay' | 'dueMonth' | 'dueDay' | 'opensDaysBeforeDue' | 'remindWorkingDays' | 'escalateAfterWorkingDays' | 'active'>;
const fields = ['name', 'fromMonth', 'fromDay', 'fromYearOffset', 'toMonth', 'toDay', 'dueMonth', 'dueDay', 'opensDaysBeforeDue', 'remindWorkingDays', 'escalateAfterWorkingDays', 'active'] as const satisfies readonly (keyof Editable)[];
const editableOf = (r: PeriodRule): Editable => Object.fromEntries(fields.map((f) => [f, r[f]])) as Editable;
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
      {rules.data?.items.map((r) => <RuleCard key={`${r.id}:${r.version}`} rule={r} onReload={() => void rules.refetch()} />)}
    </Stack>
  );
}

function RuleCard({ rule, onReload }: { rule: PeriodRule; onReload: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const notifySuccess = useNotifySuccess();
  const [v, setV] = useState<Editable>(editableOf(rule));
  const save = useMutation({
    mutationFn: () => {
      const changes = Object.fromEntries(fields.filter((f) => v[f] !== rule[f]).map((f) => [f, v[f]]));
      return api.patch<PeriodRule>(`/api/report-period-rules/${rule.id}`, { version: rule.version, ...changes });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<{ items: PeriodRule[] }>(rulesKey, (old) => old && { items: old.items.map((x) => (x.id === saved.id ? saved : x)) });
      notifySuccess(t('reporting.rules.saved', { code: saved.code }));
    },
  });
  const fieldError = useFieldErrors(save.error);
  const unchanged = fields.every((f) => v[f] === rule[f]);
  const stale = isApiError(save.error, 'VERSION_CONFLICT');
  const num = (f: Exclude<keyof Editable, 'name' | 'active' | 'fromYearOffset'>, min: number, max: number) => (
    <NumberInput label={t(`reporting.rules.${f}`)} min={min} max={max} allowDecimal={false} value={v[f]} readOnly={!rule.canManage} error={fieldError(f)} onChange={(x) => setV((s) => ({ ...s, [f]: typeof x === 'number' ? x : Number(x) || 0 }))} />
  );
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
        <TextInput label={t('reporting.rules.name')} value={v.name} readOnly={!rule.canManage} error={fieldError('name')} onChange={(e) => setV((s) => ({ ...s, name: e.currentTarget.value }))} />
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
            readOnly={!rule.canManage}
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
          <Switch label={t('reporting.rules.active')} checked={v.active} disabled={!rule.canManage} onChange={(e) => setV((s) => ({ ...s, active: e.currentTarget.checked }))} mt="lg" />
        </SimpleGrid>
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
