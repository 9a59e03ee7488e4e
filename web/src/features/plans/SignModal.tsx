import { useState } from 'react';
import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { todayIso } from '../../i18n/dates.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLastInRegisterHint } from '../../components/last-in-register.js';
import { signatureOf } from './plan-form.js';
import { usePlanFieldErrors } from './plan-field-errors.js';
import type { PlanSignature } from './plans.types.js';

interface SignModalProps {
  opened: boolean;
  title: string;
  hint: string;
  confirmLabel: string;
  /** The signer written in the draft; the leader may correct it while signing. */
  signature: PlanSignature;
  /** The agency whose register numbers the document: its last number and date show under the date. */
  registerAgencyId?: string;
  pending: boolean;
  error: unknown;
  onConfirm: (input: { issuedOn: string; signature?: PlanSignature }) => void;
  onClose: () => void;
  onReload: () => void;
}

const blankSigner = (s: PlanSignature) => ({
  authority: s.authority ?? '',
  onBehalfOf: s.onBehalfOf ?? '',
  position: s.position,
  signerName: s.signerName,
});

/**
 * Signing a document (issuing a plan, founding a team): the date, defaulting to today in
 * Vietnam, and the signature block as it will print. The number comes from the register.
 */
export function SignModal({ opened, title, hint, confirmLabel, signature, registerAgencyId, pending, error, onConfirm, onClose, onReload }: SignModalProps) {
  const t = useT();
  const [issuedOn, setIssuedOn] = useState<string | null>(() => todayIso());
  const [signer, setSigner] = useState(() => blankSigner(signature));
  const fieldError = usePlanFieldErrors(error);
  const lastInRegister = useLastInRegisterHint(opened ? registerAgencyId : null, issuedOn);
  const set = (key: keyof typeof signer, value: string) => setSigner((prev) => ({ ...prev, [key]: value }));
  const changed = JSON.stringify(signatureOf(signer)) !== JSON.stringify(signatureOf(blankSigner(signature)));
  const preview = signatureOf(signer);

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        <Text size="sm">{hint}</Text>
        {/* Never a later day: the server refuses it (in_future), as a number for a future day would lock the register. */}
        <DateField label={t('plans.signDate')} value={issuedOn} onChange={setIssuedOn} required maxDate={todayIso()} error={fieldError('issuedOn')} description={lastInRegister} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('plans.signer.authority')} value={signer.authority} onChange={(e) => set('authority', e.currentTarget.value)} />
          <TextInput label={t('plans.signer.onBehalfOf')} value={signer.onBehalfOf} onChange={(e) => set('onBehalfOf', e.currentTarget.value)} />
          <TextInput label={t('plans.signer.position')} value={signer.position} onChange={(e) => set('position', e.currentTarget.value)} error={fieldError('signature.position')} required />
          <TextInput label={t('plans.signer.name')} value={signer.signerName} onChange={(e) => set('signerName', e.currentTarget.value)} error={fieldError('signature.signerName')} required />
        </SimpleGrid>
        <Paper withBorder p="sm" aria-label={t('plans.signer')}>
          <Stack gap={0} align="center">
            {preview.authority && <Text fw={700}>{preview.authority}</Text>}
            {preview.onBehalfOf && <Text fw={700}>{preview.onBehalfOf}</Text>}
            <Text fw={700}>{preview.position}</Text>
            <Text fw={700} mt="md" data-testid="signer-name">
              {preview.signerName}
            </Text>
          </Stack>
        </Paper>
        {error ? <ErrorAlert error={error} onReload={onReload} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={pending}
            disabled={!issuedOn || !preview.position || !preview.signerName}
            onClick={() => issuedOn && onConfirm({ issuedOn, ...(changed ? { signature: preview } : {}) })}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
