import { useState } from 'react';
import { Anchor, Button, Group, Loader, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ReminderTimeSetting, ScheduleRulesSetting } from '../../../../shared/api/schedule-settings.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { useSession } from '../../auth/session.js';
import { useNotifySuccess } from '../plans/notify.js';

type Scope = 'authority' | 'installation';
const rulesKey = (scope: Scope) => ['settings', 'schedule-rules', scope] as const;

/**
 * /settings/schedule-rules — the notice lead time and the revisit window of the caller's authority
 * (GET/PUT /api/settings/schedule-rules) and the time of day its reminders go out
 * (GET/PUT /api/settings/reminder-time): its standing office sets them; and, for the installation's
 * administrator (`schedule.configure`), the installation-wide values every authority starts from.
 * Versioned: a stale save gets 409 and offers to reload.
 */
export function ScheduleRulesPage() {
  const t = useT();
  const { can } = useSession();
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('scheduleRules.title')}
      </Title>
      <Text>{t('scheduleRules.intro')}</Text>
      {can('inspection.schedule') || can('authority.configure') ? <RulesLevel scope="authority" /> : null}
      {can('inspection.schedule') || can('authority.configure') ? <ReminderTime /> : null}
      {can('schedule.configure') ? <RulesLevel scope="installation" /> : null}
      {can('schedule.configure') ? (
        <Text size="sm" c="dimmed">
          {t('scheduleRules.reminderTimeInstallation')}{' '}
          <Anchor component={Link} to="/admin/jobs" inherit>
            {t('nav.jobs')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}

function RulesLevel({ scope }: { scope: Scope }) {
  const t = useT();
  const rules = useQuery({ queryKey: rulesKey(scope), queryFn: ({ signal }) => api.get<ScheduleRulesSetting>('/api/settings/schedule-rules', { scope }, signal) });
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {scope === 'installation' ? t('scheduleRules.installation') : rules.data ? t('scheduleRules.authority', { unit: rules.data.unitName ?? '' }) : ''}
      </Title>
      {scope === 'installation' && (
        <Text size="sm" c="dimmed">
          {t('scheduleRules.installationHint')}
        </Text>
      )}
      {rules.error ? <ErrorAlert error={rules.error} /> : null}
      {rules.isPending && <Loader aria-label={t('app.loading')} />}
      {rules.data && <RulesForm key={`${rules.data.version}`} scope={scope} current={rules.data} onReload={() => void rules.refetch()} />}
    </Stack>
  );
}

const sourceText = (t: ReturnType<typeof useT>, r: ScheduleRulesSetting) =>
  r.source === 'authority'
    ? t('scheduleRules.source.authority', { version: r.version ?? '' })
    : r.source === 'installation'
      ? r.unitId
        ? t('scheduleRules.source.installation')
        : t('scheduleRules.source.installationSet', { version: r.version ?? '' })
      : t('scheduleRules.source.default');

function RulesForm({ scope, current, onReload }: { scope: Scope; current: ScheduleRulesSetting; onReload: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const notifySuccess = useNotifySuccess();
  const [noticeLead, setNoticeLead] = useState<number | string>(current.noticeLeadWorkingDays);
  const [revisit, setRevisit] = useState<number | string>(current.revisitMinDays);
  const save = useMutation({
    mutationFn: () =>
      api.put<ScheduleRulesSetting>('/api/settings/schedule-rules', {
        noticeLeadWorkingDays: Number(noticeLead),
        revisitMinDays: Number(revisit),
        version: current.version,
        ...(current.unitId ? { unitId: current.unitId } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(rulesKey(scope), saved);
      // The authority's values in force follow the installation's until it sets its own.
      void queryClient.invalidateQueries({ queryKey: ['settings', 'schedule-rules'] });
      notifySuccess(t('scheduleRules.saved'));
    },
  });
  const fieldError = useFieldErrors(save.error);
  const unchanged = Number(noticeLead) === current.noticeLeadWorkingDays && Number(revisit) === current.revisitMinDays;
  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {sourceText(t, current)}
          </Text>
          {!current.canUpdate && (
            <Text size="sm" c="dimmed">
              {t('scheduleRules.readOnly')}
            </Text>
          )}
          <NumberInput label={t('scheduleRules.noticeLead')} description={t('scheduleRules.noticeLeadHint')} value={noticeLead} onChange={setNoticeLead} readOnly={!current.canUpdate} min={0} max={30} allowDecimal={false} error={fieldError('noticeLeadWorkingDays')} required />
          <NumberInput label={t('scheduleRules.revisit')} description={t('scheduleRules.revisitHint')} value={revisit} onChange={setRevisit} readOnly={!current.canUpdate} min={1} max={365} allowDecimal={false} error={fieldError('revisitMinDays')} required />
          {save.error && !fieldError('noticeLeadWorkingDays') && !fieldError('revisitMinDays') ? <ErrorAlert error={save.error} onReload={onReload} /> : null}
          <Group justify="flex-end" display={current.canUpdate ? undefined : 'none'}>
            <Button type="submit" loading={save.isPending} disabled={unchanged || noticeLead === '' || revisit === ''}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const reminderKey = ['settings', 'reminder-time'] as const;

/** The time of day the authority's reminders go out: its own, else the installation's daily run time (the jobs page). */
function ReminderTime() {
  const t = useT();
  const current = useQuery({ queryKey: reminderKey, queryFn: ({ signal }) => api.get<ReminderTimeSetting>('/api/settings/reminder-time', undefined, signal) });
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('scheduleRules.reminderTimeTitle')}
      </Title>
      {current.error ? <ErrorAlert error={current.error} /> : null}
      {current.isPending && <Loader aria-label={t('app.loading')} />}
      {current.data && <ReminderTimeForm key={`${current.data.version}/${current.data.time}`} current={current.data} onReload={() => void current.refetch()} />}
    </Stack>
  );
}

function ReminderTimeForm({ current, onReload }: { current: ReminderTimeSetting; onReload: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const notifySuccess = useNotifySuccess();
  const [time, setTime] = useState(current.time);
  const save = useMutation({
    mutationFn: () => api.put<ReminderTimeSetting>('/api/settings/reminder-time', { unitId: current.unitId, time, version: current.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(reminderKey, saved);
      notifySuccess(t('scheduleRules.reminderTimeSaved'));
    },
  });
  const fieldError = useFieldErrors(save.error);
  const source = current.source === 'authority' ? t('scheduleRules.source.authority', { version: current.version ?? '' }) : current.source === 'installation' ? t('scheduleRules.source.installation') : t('scheduleRules.source.default');
  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {source}
          </Text>
          <TextInput label={t('scheduleRules.reminderTime')} description={t('scheduleRules.reminderTimeHint')} value={time} onChange={(e) => setTime(e.currentTarget.value)} readOnly={!current.canUpdate} error={fieldError('time')} w={260} required />
          {save.error && !fieldError('time') ? <ErrorAlert error={save.error} onReload={onReload} /> : null}
          <Group justify="flex-end" display={current.canUpdate ? undefined : 'none'}>
            <Button type="submit" loading={save.isPending} disabled={time === current.time && current.source === 'authority'}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
