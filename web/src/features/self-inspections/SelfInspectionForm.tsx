import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import type { SelfInspection } from '../../../../shared/api/self-inspections.schemas.js';
import { useSession } from '../../auth/session.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { useCreateSelfInspection, useUpdateSelfInspection } from './self-inspections.api.js';

/** The unit records its self-inspection plan for a year, or corrects it. */
export function SelfInspectionFormModal({ plan, opened, onClose, onSaved }: { plan?: SelfInspection; opened: boolean; onClose: () => void; onSaved?: (s: SelfInspection) => void }) {
  const t = useT();
  const { session } = useSession();
  const create = useCreateSelfInspection();
  const update = useUpdateSelfInspection(plan?.id ?? '');
  const mutation = plan ? update : create;
  const errorFor = useFieldErrors(mutation.error);
  const units = (session?.roles ?? []).filter((r) => r.role === 'unit_officer').map((r) => ({ value: r.agencyId, label: r.agencyName }));
  const [agencyId, setAgencyId] = useState<string | null>(plan?.agencyId ?? units[0]?.value ?? null);
  const [year, setYear] = useState<number | ''>(plan?.year ?? new Date().getFullYear());
  const [documentNumber, setDocumentNumber] = useState(plan?.documentNumber ?? '');
  const [issuedOn, setIssuedOn] = useState<string | null>(plan?.issuedOn ?? null);
  const [content, setContent] = useState(plan?.content ?? '');
  const [scope, setScope] = useState(plan?.scope ?? '');
  const [startsOn, setStartsOn] = useState<string | null>(plan?.startsOn ?? null);
  const [endsOn, setEndsOn] = useState<string | null>(plan?.endsOn ?? null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { documentNumber: documentNumber || null, issuedOn, content, scope, startsOn, endsOn };
    mutation.mutate(plan ? { version: plan.version, ...fields } : { agencyId, year: year === '' ? undefined : year, ...fields }, {
      onSuccess: (saved) => {
        onSaved?.(saved);
        onClose();
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t(plan ? 'selfInspections.edit' : 'selfInspections.new')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {!plan && (
            <Group grow align="flex-start">
              <Select label={t('selfInspections.unit')} required data={units} value={agencyId} onChange={setAgencyId} error={errorFor('agencyId')} />
              <NumberInput label={t('selfInspections.year')} required min={1990} max={2199} value={year} onChange={(v) => setYear(typeof v === 'number' ? v : '')} error={errorFor('year')} />
            </Group>
          )}
          <Group grow align="flex-start">
            <TextInput label={t('selfInspections.documentNumber')} value={documentNumber} onChange={(e) => setDocumentNumber(e.currentTarget.value)} error={errorFor('documentNumber')} placeholder="12/KH-UBND" />
            <DateField label={t('selfInspections.issuedOn')} value={issuedOn} onChange={setIssuedOn} error={errorFor('issuedOn')} />
          </Group>
          <Textarea label={t('selfInspections.content')} required rows={4} value={content} onChange={(e) => setContent(e.currentTarget.value)} error={errorFor('content')} />
          <Textarea label={t('selfInspections.scope')} required rows={2} value={scope} onChange={(e) => setScope(e.currentTarget.value)} error={errorFor('scope')} />
          <Group grow align="flex-start">
            <DateField label={t('selfInspections.startsOn')} required value={startsOn} onChange={setStartsOn} error={errorFor('startsOn')} />
            <DateField label={t('selfInspections.endsOn')} required value={endsOn} onChange={setEndsOn} error={errorFor('endsOn')} />
          </Group>
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
