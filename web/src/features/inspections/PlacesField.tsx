import { useState } from 'react';
import { Checkbox, Stack } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { AgencySelect } from '../plans/AgencyPickers.js';
import { usePlacesOf, type Place } from './places.js';

interface Props {
  /** The inspected agency (its head office). */
  agencyId: string | null;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Places whose names are known already (the inspection's own), shown even before the registry answers. */
  known?: readonly Place[];
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
  size?: 'xs' | 'sm';
}

/**
 * The places of an inspection: boxes for the head office and the first page of its one-stop desks
 * and reception points; when the agency has more than a page, a server search (AgencySelect
 * scoped by `placesOf`) finds any other, which joins the boxes ticked.
 */
export function PlacesField({ agencyId, value, onChange, known = [], label, description, required, error, size }: Props) {
  const t = useT();
  const placesOf = usePlacesOf(agencyId);
  const [found, setFound] = useState<Place[]>([]);
  const [searchKey, setSearchKey] = useState(0);
  const loaded = placesOf.data?.places ?? [];
  const options: Place[] = [];
  for (const p of [...loaded, ...known, ...found]) if (!options.some((o) => o.agencyId === p.agencyId)) options.push(p);
  const more = !!placesOf.data && placesOf.data.total > loaded.length;
  return (
    <Stack gap={4}>
      <Checkbox.Group label={label} description={description} value={value} onChange={onChange} required={required} error={error}>
        <Stack gap={4} mt={4}>
          {options.map((p) => (
            <Checkbox key={p.agencyId} value={p.agencyId} size={size} label={p.agencyId === agencyId ? t('scheduleDialog.headOffice', { name: p.name }) : p.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      {more && agencyId && (
        <AgencySelect
          key={searchKey}
          label={t('scheduleDialog.findPlace')}
          description={t('scheduleDialog.morePlaces', { shown: loaded.length, total: placesOf.data!.total })}
          placeholder={t('scheduleDialog.findPlaceHint')}
          scope={{ placesOf: agencyId }}
          value={null}
          onChange={(id, option) => {
            if (!id || !option) return;
            setFound((prev) => [...prev, { agencyId: id, name: option.label }]);
            if (!value.includes(id)) onChange([...value, id]);
            setSearchKey((k) => k + 1);
          }}
        />
      )}
    </Stack>
  );
}
