import { useState, type FormEvent } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Agency, AgencyKind } from '../../../../shared/api/registry.schemas.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.vi.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { agencyKindKey, agencyKindList } from '../../components/labels.js';
import { blankToNull } from '../../lib/changes.js';
import { AgencySelect } from '../plans/AgencyPickers.js';
import { UnitSelect } from '../units/UnitSelect.js';

const textFields = [
  ['shortName', 'agencies.shortName'],
  ['code', 'common.code'],
  ['docAbbreviation', 'agencies.docAbbreviation'],
  ['placeName', 'agencies.placeName'],
  ['headName', 'agencies.headName'],
  ['headTitle', 'agencies.headTitle'],
  ['phone', 'agencies.phone'],
  ['email', 'agencies.email'],
] as const satisfies readonly (readonly [keyof AgencyFormValues, MessageKey])[];

export interface AgencyFormValues {
  unitId: string;
  parentAgencyId: string | null;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  code: string | null;
  docAbbreviation: string | null;
  placeName: string | null;
  headName: string | null;
  headTitle: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export function agencyFormValues(agency?: Partial<Agency>): AgencyFormValues {
  return {
    unitId: agency?.unitId ?? '',
    parentAgencyId: agency?.parentAgencyId ?? null,
    name: agency?.name ?? '',
    shortName: agency?.shortName ?? null,
    kind: agency?.kind ?? 'peoples_committee',
    code: agency?.code ?? null,
    docAbbreviation: agency?.docAbbreviation ?? null,
    placeName: agency?.placeName ?? null,
    headName: agency?.headName ?? null,
    headTitle: agency?.headTitle ?? null,
    phone: agency?.phone ?? null,
    email: agency?.email ?? null,
    address: agency?.address ?? null,
    validFrom: agency?.validFrom ?? null,
    validTo: agency?.validTo ?? null,
  };
}

interface AgencyFormProps {
  initial: AgencyFormValues;
  agencyId?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: AgencyFormValues) => void;
  onCancel: () => void;
  onReload?: () => void;
  /**
   * The field-level rule of the record's abilities: only these fields may change (a unit
   * officer's own agency: its contacts); null or absent, every field.
   */
  editableFields?: readonly string[] | null;
}

/** Create and edit form for an agency. */
export function AgencyForm({ initial, agencyId, pending, error, onSubmit, onCancel, onReload, editableFields }: AgencyFormProps) {
  const t = useT();
  const locked = (field: keyof AgencyFormValues) => !!editableFields && !editableFields.includes(field);
  const [values, setValues] = useState(initial);
  const fieldError = useFieldErrors(error);
  const set = <K extends keyof AgencyFormValues>(key: K, value: AgencyFormValues[K]) =>
    setValues((prev) => ({ ...prev, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = { ...values, name: values.name.trim() };
    for (const [key] of textFields) cleaned[key] = blankToNull(values[key] ?? '');
    cleaned.address = blankToNull(values.address ?? '');
    onSubmit(cleaned);
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
          disabled={locked('name')}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('common.kind')}
            required
            allowDeselect={false}
            data={agencyKindList.map((kind) => ({ value: kind, label: t(agencyKindKey(kind)) }))}
            value={values.kind}
            onChange={(value) => value && set('kind', value as AgencyKind)}
            error={fieldError('kind')}
            disabled={locked('kind')}
          />
          <UnitSelect
            label={t('agencies.unit')}
            required
            value={values.unitId || null}
            onChange={(value) => set('unitId', value ?? '')}
            error={fieldError('unitId')}
            disabled={locked('unitId')}
          />
        </SimpleGrid>
        <AgencySelect
          label={t('agencies.parentAgency')}
          withUnit
          clearable
          exclude={agencyId}
          value={values.parentAgencyId}
          onChange={(value) => set('parentAgencyId', value)}
          error={fieldError('parentAgencyId')}
          disabled={locked('parentAgencyId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {textFields.map(([key, label]) => (
            <TextInput
              key={key}
              label={t(label)}
              type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
              value={values[key] ?? ''}
              onChange={(e) => set(key, e.currentTarget.value)}
              error={fieldError(key)}
              disabled={locked(key)}
            />
          ))}
        </SimpleGrid>
        <TextInput
          label={t('agencies.address')}
          value={values.address ?? ''}
          onChange={(e) => set('address', e.currentTarget.value)}
          error={fieldError('address')}
          disabled={locked('address')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('common.validFrom')}
            value={values.validFrom}
            onChange={(value) => set('validFrom', value)}
            error={fieldError('validFrom')}
            disabled={locked('validFrom')}
          />
          <DateField
            label={t('common.validTo')}
            value={values.validTo}
            onChange={(value) => set('validTo', value)}
            error={fieldError('validTo')}
            disabled={locked('validTo')}
          />
        </SimpleGrid>
        {error ? <ErrorAlert error={error} onReload={onReload} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={!values.name.trim() || !values.unitId}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
