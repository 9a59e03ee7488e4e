import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client.js';
import { useT } from '../i18n/i18n.js';
import { formatDate } from '../i18n/dates.js';

interface RegisterEntry {
  documentNumber: string;
  issuedOn: string;
}

/**
 * The hint beside an issue date: the register's latest entry for the agency and the date's year
 * ("Số cuối trong sổ năm 2021: 17/TB-UBND ngày 22/06/2021."), the day a new document may not
 * precede (numbers follow dates; the server refuses it with before_last_in_register). Nothing
 * while loading, for an empty register, or when the caller may not read the register.
 */
export function useLastInRegisterHint(agencyId: string | null | undefined, issuedOn: string | null): string | undefined {
  const t = useT();
  const year = issuedOn ? Number(issuedOn.slice(0, 4)) : null;
  const q = useQuery({
    queryKey: ['document-register', agencyId, year, 'latest'],
    queryFn: ({ signal }) => api.get<{ items: RegisterEntry[] }>('/api/document-register', { agencyId: agencyId!, year: year!, latest: 'true' }, signal),
    enabled: !!agencyId && year !== null,
    // Read afresh each time a dialog asks: any issue anywhere may have moved the register since.
    staleTime: 0,
    refetchOnMount: 'always',
    retry: false,
  });
  const last = q.data?.items[0];
  return last && year !== null ? t('register.lastHint', { year, documentNumber: last.documentNumber, issuedOn: formatDate(last.issuedOn) }) : undefined;
}
