import type { PlanSignature } from '../../../shared/api/plans.schemas.js';
import type { IssuerInfo } from './issuer-header.js';

/** How an office's head signs a document of the chairman's: by order (TL.) or by authorisation (TUQ.). */
export type Delegation = 'TL. CHỦ TỊCH' | 'TUQ. CHỦ TỊCH';

/**
 * The signature a draft starts from (Decree 30/2020, Điều 13; reference.md §5.3). In the People's
 * Committee's name: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH. In an office's name: its head, TL. or TUQ.
 * CHỦ TỊCH. TM., TL. and TUQ. are the signing authority (Thẩm quyền ký), so they go in the
 * `authority` line; `onBehalfOf` is the KT. line a deputy adds ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"),
 * left empty here (putting TM. there printed it as if a deputy signed, and the register's signer
 * position lost it).
 */
export function defaultSignature(issuer: IssuerInfo, committee: IssuerInfo, delegation: Delegation): PlanSignature {
  if (issuer.agencyId === committee.agencyId) return { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: committee.headName ?? '' };
  return { authority: delegation, position: issuer.name.startsWith('Phòng ') ? 'TRƯỞNG PHÒNG' : 'THỦ TRƯỞNG', signerName: issuer.headName ?? '' };
}

/** The register's signer position: every title line of the signature, "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH". */
export function signerPositionOf(sig: Pick<PlanSignature, 'authority' | 'onBehalfOf' | 'position'>): string {
  return [sig.authority, sig.onBehalfOf, sig.position].filter(Boolean).join(' / ');
}
