import { useSession } from '../../auth/session.js';
import { useAgency } from '../agencies/agencies.api.js';

/**
 * The agencies the caller's standing office writes for: the office itself (templates are its
 * own) and the committee above it (an ad hoc request goes out as the committee's công văn).
 */
export function useOfficeAgencies() {
  const { session } = useSession();
  const grant = session?.roles.find((r) => r.role === 'secretariat');
  const office = useAgency(grant?.agencyId ?? '');
  const options = grant
    ? [
        ...(office.data?.parentAgencyId ? [{ value: office.data.parentAgencyId, label: office.data.parentAgencyName ?? '' }] : []),
        { value: grant.agencyId, label: grant.agencyName },
      ]
    : [];
  return { officeId: grant?.agencyId ?? null, options, isPending: !!grant && office.isPending };
}
