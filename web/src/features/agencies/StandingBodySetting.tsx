import { useState } from 'react';
import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { notifications } from '@mantine/notifications';
import { api } from '../../lib/api-client.js';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { agencyKeys, useAgencies } from './agencies.api.js';

interface StandingBody {
  unitId: string;
  unitName: string;
  agencyId: string | null;
  agencyName: string | null;
  version: number | null;
}

/**
 * GET/PUT /api/settings/standing-body: which agency is the PAR standing body of the caller's
 * authority (one per People's Committee). Admins of that authority change it, among its agencies.
 */
export function StandingBodySetting({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const setting = useQuery({
    queryKey: agencyKeys.standingBody,
    queryFn: ({ signal }) => api.get<StandingBody>('/api/settings/standing-body', undefined, signal),
  });
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  const agencies = useAgencies({ unitId: setting.data?.unitId ?? null }, editing && Boolean(setting.data));
  const save = useMutation({
    mutationFn: (agencyId: string) =>
      api.put<StandingBody>('/api/settings/standing-body', { agencyId, version: setting.data?.version ?? null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agencyKeys.standingBody });
      void queryClient.invalidateQueries({ queryKey: agencyKeys.all });
      notifications.show({ color: 'green', message: t('agencies.standingSaved') });
      setEditing(false);
    },
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="standing-body-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="standing-body-title">
          {setting.data ? t('agencies.standingSettingOf', { unit: setting.data.unitName }) : t('agencies.standingBody')}
        </Title>
        {setting.error ? <ErrorAlert error={setting.error} /> : null}
        {setting.data && !editing && (
          <Group justify="space-between">
            {setting.data.agencyId ? (
              <Anchor component={Link} to={`/agencies/${setting.data.agencyId}`} fw={700}>
                {setting.data.agencyName}
              </Anchor>
            ) : (
              <Text c="dimmed">{t('agencies.standingNone')}</Text>
            )}
            {canEdit && (
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setChoice(setting.data.agencyId);
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </Button>
            )}
          </Group>
        )}
        {editing && (
          <Group align="flex-end">
            <Select
              label={t('agencies.standingSelect')}
              searchable
              limit={50}
              data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={choice}
              onChange={setChoice}
              w={{ base: '100%', sm: 420 }}
              nothingFoundMessage={t('common.noResults')}
            />
            <Button onClick={() => choice && save.mutate(choice)} disabled={!choice} loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </Paper>
  );
}
