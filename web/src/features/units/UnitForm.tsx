import { useState, type FormEvent } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Unit, UnitKind } from '../../../../shared/api/registry.schemas.js';
import { useT } from '../../i18n/i18n.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { unitKindKey, unitKindList } from '../../components/labels.js';
import { blankToNull } from '../../lib/changes.js';
import { UnitSelect } from './UnitSelect.js';

export interface UnitFormValues {
  code: string | null;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export function unitFormValues(unit?: Partial<Unit>): UnitFormValues {
  return {
    code: unit?.code ?? null,
    name: unit?.name ?? '',
    kind: unit?.kind ?? 'commune',
    parentId: unit?.parentId ?? null,
    validFrom: unit?.validFrom ?? null,
    validTo: unit?.validTo ?? null,
  };
}

interface UnitFormProps {
  initial: UnitFormValues;
  /** Excluded from the parent picker (a unit cannot be its own parent). */
  unitId?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: UnitFormValues) => void;
  onCancel: () => void;
  onReload?: () => void;
}

/** Create and edit form for a territorial unit; server field errors appear under each field. */
export function UnitForm({ initial, unitId, pending, error, onSubmit, onCancel, onReload }: UnitFormProps) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const fieldError = useFieldErrors(error);
  const set = <K extends keyof UnitFormValues>(key: K, value: UnitFormValues[K]) =>
    setValues((prev) => ({ ...prev, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ ...values, name: values.name.trim(), code: blankToNull(values.code ?? '') });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('common.name')}
          required
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={fieldError('name')}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('common.kind')}
            required
            allowDeselect={false}
            data={unitKindList.map((kind) => ({ value: kind, label: t(unitKindKey(kind)) }))}
            value={values.kind}
            onChange={(value) => value && set('kind', value as UnitKind)}
            error={fieldError('kind')}
          />
          <TextInput
            label={t('common.code')}
            value={values.code ?? ''}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={fieldError('code')}
          />
        </SimpleGrid>
        <UnitSelect
          label={t('units.parent')}
          placeholder={t('units.noParent')}
          clearable
          exclude={unitId}
          value={values.parentId}
          onChange={(value) => set('parentId', value)}
          error={fieldError('parentId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('common.validFrom')}
            value={values.validFrom}
            onChange={(value) => set('validFrom', value)}
            error={fieldError('validFrom')}
          />
          <DateField
            label={t('common.validTo')}
            value={values.validTo}
            onChange={(value) => set('validTo', value)}
            error={fieldError('validTo')}
          />
        </SimpleGrid>
        {error ? <ErrorAlert error={error} onReload={onReload} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={!values.name.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
