import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { successionKinds, type UnitDetail } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { unitKeys } from './units.api.js';
import { UnitSelect } from './UnitSelect.js';

type SuccessionKind = (typeof successionKinds)[number];

/**
 * Records that a unit was merged into, split into or renamed to another (the 2025
 * reorganisation): POST /api/units/:id/successions.
 */
export function SuccessionModal({ unit, opened, onClose }: { unit: UnitDetail; opened: boolean; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<SuccessionKind>('merged_into');
  const [toUnitId, setToUnitId] = useState<string | null>(null);
  const [effectiveDate, setEffectiveDate] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const save = useMutation({
    mutationFn: () => api.post<UnitDetail>(`/api/units/${unit.id}/successions`, { kind, toUnitId, effectiveDate, note: note.trim() || null }),
    onSuccess: (updated) => {
      queryClient.setQueryData(unitKeys.detail(unit.id), updated);
      void queryClient.invalidateQueries({ queryKey: unitKeys.all });
      notifications.show({ color: 'green', message: t('units.successionSaved') });
      onClose();
    },
  });
  const fieldError = useFieldErrors(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('units.addSuccession')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('units.successionKind')}
            data={successionKinds.map((value) => ({ value, label: t(`units.succession.${value}` as MessageKey) }))}
            value={kind}
            onChange={(value) => value && setKind(value as SuccessionKind)}
            allowDeselect={false}
            error={fieldError('kind')}
          />
          <UnitSelect label={t('units.successionTarget')} required includeInactive exclude={unit.id} value={toUnitId} onChange={setToUnitId} error={fieldError('toUnitId')} />
          <DateField label={t('units.successionDate')} required value={effectiveDate} onChange={setEffectiveDate} error={fieldError('effectiveDate')} />
          <TextInput label={t('units.successionNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError('note')} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
