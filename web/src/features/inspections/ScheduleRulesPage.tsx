import { useState } from 'react';
import { Anchor, Button, Group, Loader, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ScheduleRulesSetting } from '../../../../shared/api/schedule-settings.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { useNotifySuccess } from '../plans/notify.js';

const rulesKey = ['settings', 'schedule-rules'] as const;

/**
 * /settings/schedule-rules — the notice lead time and the revisit window every authority's schedule
 * checks use (GET/PUT /api/settings/schedule-rules). Routed and listed only for `schedule.configure`;
 * the server refuses anyone else. Versioned: a stale save gets 409 and offers to reload.
 */
export function ScheduleRulesPage() {
  const t = useT();
  const rules = useQuery({ queryKey: rulesKey, queryFn: ({ signal }) => api.get<ScheduleRulesSetting>('/api/settings/schedule-rules', undefined, signal) });
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('scheduleRules.title')}
      </Title>
      <Text>{t('scheduleRules.intro')}</Text>
      {rules.error ? <ErrorAlert error={rules.error} /> : null}
      {rules.isPending && <Loader aria-label={t('app.loading')} />}
      {rules.data && <RulesForm key={`${rules.data.version}`} current={rules.data} onReload={() => void rules.refetch()} />}
      <Text size="sm" c="dimmed">
        {t('scheduleRules.reminderTime')}{' '}
        <Anchor component={Link} to="/admin/jobs" inherit>
          {t('nav.jobs')}
        </Anchor>
      </Text>
    </Stack>
  );
}

function RulesForm({ current, onReload }: { current: ScheduleRulesSetting; onReload: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const notifySuccess = useNotifySuccess();
  const [noticeLead, setNoticeLead] = useState<number | string>(current.noticeLeadWorkingDays);
  const [revisit, setRevisit] = useState<number | string>(current.revisitMinDays);
  const save = useMutation({
    mutationFn: () => api.put<ScheduleRulesSetting>('/api/settings/schedule-rules', { noticeLeadWorkingDays: Number(noticeLead), revisitMinDays: Number(revisit), version: current.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(rulesKey, saved);
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
            {current.source === 'default' ? t('scheduleRules.source.default') : t('scheduleRules.source.setting', { version: current.version ?? '' })}
          </Text>
          <NumberInput label={t('scheduleRules.noticeLead')} description={t('scheduleRules.noticeLeadHint')} value={noticeLead} onChange={setNoticeLead} min={0} max={30} allowDecimal={false} error={fieldError('noticeLeadWorkingDays')} required />
          <NumberInput label={t('scheduleRules.revisit')} description={t('scheduleRules.revisitHint')} value={revisit} onChange={setRevisit} min={1} max={365} allowDecimal={false} error={fieldError('revisitMinDays')} required />
          {save.error && !fieldError('noticeLeadWorkingDays') && !fieldError('revisitMinDays') ? <ErrorAlert error={save.error} onReload={onReload} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={unchanged || noticeLead === '' || revisit === ''}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
