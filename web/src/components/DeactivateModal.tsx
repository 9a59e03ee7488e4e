import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useT } from '../i18n/i18n.js';
import { DateField } from './DateField.js';
import { ErrorAlert } from './ErrorAlert.js';

interface DeactivateModalProps {
  opened: boolean;
  name: string;
  pending: boolean;
  error: unknown;
  onConfirm: (validTo: string | null) => void;
  onClose: () => void;
  onReload?: () => void;
}

/** Confirms a deactivation, with an optional end-of-validity date. */
export function DeactivateModal({ opened, name, pending, error, onConfirm, onClose, onReload }: DeactivateModalProps) {
  const t = useT();
  const [validTo, setValidTo] = useState<string | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('common.deactivate')}>
      <Stack>
        <Text>{t('common.confirmDeactivate', { name })}</Text>
        <DateField label={t('common.validTo')} value={validTo} onChange={setValidTo} />
        {error ? <ErrorAlert error={error} onReload={onReload} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={() => onConfirm(validTo)}>
            {t('common.deactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
