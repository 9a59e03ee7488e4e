import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { Conclusion } from '../../../../shared/api/conclusions.schemas.js';
import { isActionOpen } from '../../../../shared/domain/follow-up.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { usePlanTeams } from '../teams/teams.api.js';
import { useReinspect } from './followup.api.js';

/**
 * Turns the requirements still open into a re-inspection whose checklist is exactly those
 * actions (the office picks which, the team and the day); opens the new inspection.
 */
export function ReinspectButton({ conclusion: c }: { conclusion: Conclusion }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Group>
        <Button variant="light" onClick={() => setOpen(true)}>
          {t('reinspection.start')}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('reinspection.title')}>
        {open && <ReinspectForm c={c} />}
      </Modal>
    </>
  );
}

function ReinspectForm({ c }: { c: Conclusion }) {
  const t = useT();
  const navigate = useNavigate();
  const openActions = c.actions.filter((a) => isActionOpen(a.status));
  const [chosen, setChosen] = useState<string[]>(openActions.map((a) => a.id));
  const [teamId, setTeamId] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState<string | null>(null);
  const teams = usePlanTeams(c.planId);
  const reinspect = useReinspect(c.id);
  const errorOf = useFieldErrors(reinspect.error);
  return (
    <Stack>
      <Text size="sm">{t('reinspection.explain')}</Text>
      <Checkbox.Group label={t('reinspection.actions')} value={chosen} onChange={setChosen}>
        <Stack gap={4} mt={4}>
          {openActions.map((a) => (
            <Checkbox key={a.id} value={a.id} label={a.content} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Select label={t('reinspection.team')} data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={teamId} onChange={setTeamId} required error={errorOf('teamId')} />
      <DateField label={t('reinspection.startsOn')} value={startsOn} onChange={setStartsOn} required error={errorOf('startsOn')} />
      {reinspect.error && <ErrorAlert error={reinspect.error} />}
      <Group justify="flex-end">
        <Button
          disabled={!teamId || !startsOn || !chosen.length}
          loading={reinspect.isPending}
          onClick={() =>
            teamId && startsOn && reinspect.mutate({ teamId, startsOn, actionIds: chosen }, { onSuccess: (r) => void navigate(`/inspections/${r.inspectionId}`) })
          }
        >
          {t('reinspection.create')}
        </Button>
      </Group>
    </Stack>
  );
}
