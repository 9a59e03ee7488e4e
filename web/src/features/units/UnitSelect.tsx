import { useMemo, useState } from 'react';
import { Select, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { Unit, UnitKind } from '../../../../shared/api/registry.schemas.js';
import { unitKindKey } from '../../components/labels.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { unitKeys, useUnits } from './units.api.js';

/** Options a picker shows at once; the server finds the rest as the user types. */
export const UNIT_PICKER_LIMIT = 50;

const noFilter: OptionsFilter = ({ options }) => options;

interface UnitSelectProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** A unit never offered (the unit being edited, as its own parent). */
  exclude?: string;
  /** Only units of these kinds. */
  kinds?: readonly UnitKind[];
  includeInactive?: boolean;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  placeholder?: string;
  error?: string;
}

/**
 * A unit picker that searches on the server (GET /api/units?q=…&limit=50) as the user types,
 * without diacritics ("hoai thanh" finds "Hoài Thanh"), so a national admin's 3,400 units are
 * never loaded into the page. The chosen unit keeps its label whatever the current search is;
 * a value given from outside (an edit form) gets its label from GET /api/units/:id.
 */
export function UnitSelect({ label, value, onChange, exclude, kinds, includeInactive, required, clearable, disabled, placeholder, error }: UnitSelectProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const chosenLabel = chosen?.value === value ? chosen.label : undefined;
  // Typing starts a search; the chosen unit's own label in the box is not one.
  const [q] = useDebouncedValue(search === chosenLabel ? '' : search.trim(), 250);
  const units = useUnits({ q: q || undefined, includeInactive, limit: UNIT_PICKER_LIMIT });
  const current = useQuery({
    queryKey: value ? unitKeys.detail(value) : ['units', 'none'],
    queryFn: ({ signal }) => api.get<Unit>(`/api/units/${encodeURIComponent(value!)}`, undefined, signal),
    enabled: !!value && !chosenLabel && !(units.data ?? []).some((u) => u.id === value),
  });
  const data = useMemo(() => {
    const labelOf = (u: Pick<Unit, 'name' | 'kind'>) => `${u.name} (${t(unitKindKey(u.kind))})`;
    const options = (units.data ?? []).filter((u) => u.id !== exclude && (!kinds || kinds.includes(u.kind))).map((u) => ({ value: u.id, label: labelOf(u) }));
    const own = chosenLabel ?? (current.data && current.data.id === value ? labelOf(current.data) : undefined);
    if (value && own && !options.some((o) => o.value === value)) options.unshift({ value, label: own });
    return options;
  }, [units.data, exclude, kinds, value, chosenLabel, current.data, t]);
  return (
    <Select
      label={label}
      required={required}
      clearable={clearable}
      disabled={disabled}
      placeholder={placeholder}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={noFilter}
      limit={UNIT_PICKER_LIMIT}
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosen(option ? { value: option.value, label: option.label } : null);
        onChange(id);
      }}
      error={error}
      nothingFoundMessage={units.isFetching ? t('app.loading') : t('common.noResults')}
    />
  );
}
