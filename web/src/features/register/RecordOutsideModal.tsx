import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegisterEntry } from '../../../../shared/api/documents.schemas.js';
import { documentTypes, type DocumentTypeCode } from '../../../../shared/domain/document-types.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useLastInRegisterHint } from '../../components/last-in-register.js';
import { todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';

const typeOptions = documentTypes.map((d) => ({ value: d.code, label: d.abbreviation ? `${d.name} (${d.abbreviation})` : d.name }));

interface Draft {
  typeCode: DocumentTypeCode | null;
  summary: string;
  issuedOn: string | null;
  signerName: string;
  signerPosition: string;
}

/**
 * Recording a document made outside the app (vào sổ văn bản ngoài hệ thống): it takes the
 * register's next number. The date may not be after today nor before the register's last entry
 * (the server refuses both at the date field; the hint shows that entry beforehand).
 */
export function RecordOutsideModal({ agencyId, onClose, onRecorded }: { agencyId: string; onClose: () => void; onRecorded: (entry: RegisterEntry) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => ({ typeCode: null, summary: '', issuedOn: todayIso(), signerName: '', signerPosition: '' }));
  const [missing, setMissing] = useState<Set<keyof Draft>>(new Set());
  const lastInRegister = useLastInRegisterHint(agencyId, draft.issuedOn);
  const record = useMutation({
    mutationFn: (body: Record<string, string>) => api.post<RegisterEntry>('/api/document-register', body),
    onSuccess: async (entry) => {
      // The list and the last-in-register hint of every dialog read the register afresh.
      await queryClient.invalidateQueries({ queryKey: ['document-register'] });
      onRecorded(entry);
    },
  });
  const serverError = useFieldErrors(record.error);
  const fieldError = (field: keyof Draft) => (missing.has(field) ? t('field.required') : serverError(field));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((prev) => ({ ...prev, [key]: value }));
    setMissing((prev) => {
      const next = new Set(prev);
      next.delete(key);
      return next;
    });
  };

  const submit = () => {
    const empty = (Object.keys(draft) as (keyof Draft)[]).filter((key) => !draft[key] || !String(draft[key]).trim());
    setMissing(new Set(empty));
    if (empty.length > 0) return;
    record.mutate({
      agencyId,
      typeCode: draft.typeCode!,
      summary: draft.summary,
      issuedOn: draft.issuedOn!,
      signerName: draft.signerName,
      signerPosition: draft.signerPosition,
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('register.recordOutside')} size="lg">
      <Stack>
        <Select
          label={t('register.col.type')}
          data={typeOptions}
          value={draft.typeCode}
          onChange={(v) => set('typeCode', v as DocumentTypeCode | null)}
          searchable
          required
          error={fieldError('typeCode')}
        />
        <Textarea label={t('register.col.summary')} value={draft.summary} onChange={(e) => set('summary', e.currentTarget.value)} minRows={2} maxLength={500} required error={fieldError('summary')} />
        <DateField label={t('register.col.issuedOn')} value={draft.issuedOn} onChange={(v) => set('issuedOn', v)} required maxDate={todayIso()} description={lastInRegister} error={fieldError('issuedOn')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('register.signerName')} value={draft.signerName} onChange={(e) => set('signerName', e.currentTarget.value)} maxLength={100} required error={fieldError('signerName')} />
          <TextInput label={t('register.signerPosition')} value={draft.signerPosition} onChange={(e) => set('signerPosition', e.currentTarget.value)} maxLength={100} required error={fieldError('signerPosition')} />
        </SimpleGrid>
        {record.error ? <ErrorAlert error={record.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={record.isPending} onClick={submit}>
            {t('register.recordSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
