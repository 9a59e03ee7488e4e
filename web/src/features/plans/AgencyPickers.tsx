import { useMemo, useState } from 'react';
import { MultiSelect, Select, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Agency } from '../../../../shared/api/registry.schemas.js';
import { useT } from '../../i18n/i18n.js';
import { useAgencies, useAgency, type AgencyFilters } from '../agencies/agencies.api.js';

/** Options a picker shows at once; the server finds the rest as the user types. */
export const AGENCY_PICKER_LIMIT = 50;

export interface AgencyOption {
  value: string;
  label: string;
}

/**
 * Options from GET /api/agencies?q=…: the server matches without diacritics ("hoai thanh"
 * finds "Hoài Thanh"), so the picker does no filtering of its own. Options already chosen stay
 * in the list so their labels show whatever the current search is.
 */
function useAgencyOptions(search: string, known: AgencyOption[], labelOf: (a: Pick<Agency, 'name' | 'unitName'>) => string = (a) => a.name, exclude?: string, scope?: AgencyScope) {
  const [q] = useDebouncedValue(search.trim(), 250);
  const agencies = useAgencies({ ...scope, q: q || undefined, limit: AGENCY_PICKER_LIMIT });
  const data = useMemo(() => {
    const seen = new Set<string>(exclude ? [exclude] : []);
    const out: AgencyOption[] = [];
    for (const option of [...known, ...(agencies.data ?? []).map((a) => ({ value: a.id, label: labelOf(a) }))]) {
      if (seen.has(option.value)) continue;
      seen.add(option.value);
      out.push(option);
    }
    return out;
  }, [agencies.data, known, labelOf, exclude]);
  return { data, loading: agencies.isFetching };
}

/** Narrows what a picker searches (an inspection's places: `placesOf`). */
export type AgencyScope = Pick<AgencyFilters, 'placesOf' | 'unitId' | 'kind'>;

const noFilter: OptionsFilter = ({ options }) => options;

interface MultiProps {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Labels of the agencies already chosen (the plan's targets). */
  known: AgencyOption[];
  error?: string;
  placeholder?: string;
}

export function AgencyMultiPicker({ label, value, onChange, known, error, placeholder }: MultiProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [labels, setLabels] = useState<AgencyOption[]>(known);
  const { data } = useAgencyOptions(search, labels);
  return (
    <MultiSelect
      label={label}
      placeholder={placeholder}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={noFilter}
      limit={AGENCY_PICKER_LIMIT + 10}
      data={data}
      value={value}
      onChange={(ids) => {
        // Remember the labels of new choices before the search that found them changes.
        setLabels((prev) => [...prev, ...data.filter((o) => ids.includes(o.value) && !prev.some((p) => p.value === o.value))]);
        onChange(ids);
      }}
      error={error}
      nothingFoundMessage={t('common.noResults')}
      hidePickedOptions
      clearable
    />
  );
}

interface SingleProps {
  label: string;
  value: string | null;
  onChange: (id: string | null, option: AgencyOption | null) => void;
  /** The chosen agency's label; without it, a value given from outside is read from GET /api/agencies/:id. */
  known?: AgencyOption | null;
  /** An agency never offered (the agency being edited, as its own parent). */
  exclude?: string;
  /** Labels options "name — unit" (agencies of many units look alike: "Văn phòng HĐND và UBND"). */
  withUnit?: boolean;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  description?: string;
  placeholder?: string;
  /** Searches only these agencies (the server filters). */
  scope?: AgencyScope;
}

const nameOnly = (a: Pick<Agency, 'name'>) => a.name;
const nameAndUnit = (a: Pick<Agency, 'name' | 'unitName'>) => `${a.name} — ${a.unitName}`;

/**
 * One agency, searched on the server as the user types (GET /api/agencies?q=…&limit=50), so any
 * agency of a national register can be chosen without loading it into the page.
 */
export function AgencySelect({ label, value, onChange, known, exclude, withUnit, error, required, clearable, disabled, description, placeholder, scope }: SingleProps) {
  const t = useT();
  const labelOf = withUnit ? nameAndUnit : nameOnly;
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<AgencyOption[]>(known ? [known] : []);
  const chosenLabel = chosen.find((o) => o.value === value)?.label;
  // A value given from outside without its label (an edit form): the agency's own record names it.
  const current = useAgency(value ?? '', !!value && !chosenLabel);
  const own = useMemo(() => (!chosenLabel && value && current.data?.id === value ? [{ value, label: labelOf(current.data) }] : chosen), [chosenLabel, value, current.data, chosen, labelOf]);
  const { data } = useAgencyOptions(search === chosenLabel ? '' : search, own, labelOf, exclude, scope);
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      required={required}
      clearable={clearable}
      disabled={disabled}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={noFilter}
      limit={AGENCY_PICKER_LIMIT + 1}
      data={data}
      value={value}
      onChange={(id, option) => {
        if (option) setChosen([option]);
        onChange(id, option ?? null);
      }}
      error={error}
      nothingFoundMessage={t('common.noResults')}
    />
  );
}
