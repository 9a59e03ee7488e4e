import { useMemo, useState } from 'react';
import { MultiSelect, Select, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useT } from '../../i18n/i18n.js';
import { useAgencies } from '../agencies/agencies.api.js';

export interface AgencyOption {
  value: string;
  label: string;
}

/**
 * Options from GET /api/agencies?q=…: the server matches without diacritics ("hoai thanh"
 * finds "Hoài Thanh"), so the picker does no filtering of its own. Options already chosen stay
 * in the list so their labels show whatever the current search is.
 */
function useAgencyOptions(search: string, known: AgencyOption[]) {
  const [q] = useDebouncedValue(search.trim(), 250);
  const agencies = useAgencies({ q: q || undefined });
  const data = useMemo(() => {
    const seen = new Set<string>();
    const out: AgencyOption[] = [];
    for (const option of [...known, ...(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))]) {
      if (seen.has(option.value)) continue;
      seen.add(option.value);
      out.push(option);
    }
    return out;
  }, [agencies.data, known]);
  return { data, loading: agencies.isFetching };
}

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
      limit={60}
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
  known?: AgencyOption | null;
  error?: string;
  required?: boolean;
}

export function AgencySelect({ label, value, onChange, known, error, required }: SingleProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<AgencyOption[]>(known ? [known] : []);
  const { data } = useAgencyOptions(search === chosen.find((o) => o.value === value)?.label ? '' : search, chosen);
  return (
    <Select
      label={label}
      required={required}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={noFilter}
      limit={60}
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
