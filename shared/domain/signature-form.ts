/**
 * The signing form of a document against who issues it (Decree 30/2020, Điều 13 and Phụ lục I §7;
 * reference.md §5.3), pure so the notice form can warn as the server refuses:
 *   TM.  on behalf of a collegial body (the People's Committee), never of an office;
 *   KT.  a deputy (PHÓ …) signs for the head; a deputy signing without KT. (or TL./TUQ.) is wrong;
 *   TL./TUQ.  the head of a sub-unit signs by order / by authorisation of the head: the only way a
 *        People's Committee document is signed by anyone but its (vice-)chairman;
 * and an office's own document is not signed by the Committee's chairman.
 */

export type SignatureFormCode = 'signature_prefix_unknown' | 'signature_forms_conflict' | 'tm_needs_collective' | 'kt_needs_deputy' | 'deputy_needs_kt' | 'needs_tl_or_tuq' | 'signer_not_of_issuer';

export interface SignatureLines {
  authority?: string | null;
  onBehalfOf?: string | null;
  position: string;
}

export interface SignatureFormIssue {
  field: 'authority' | 'onBehalfOf' | 'position';
  code: SignatureFormCode;
  /** English, for the problem's detail (the UI words it by code). */
  reason: string;
}

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase();
const PREFIXES = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;
type Prefix = (typeof PREFIXES)[number];
const prefixOf = (line: string): Prefix | null => PREFIXES.find((p) => line.startsWith(`${p} `) || line === p) ?? null;
const isChair = (position: string) => /^(PHÓ )?CHỦ TỊCH( |$)/.test(position);
const isDeputy = (position: string) => position.startsWith('PHÓ ');

/**
 * The first way the signature's form disagrees with its issuer, or null. `issuer` is the People's
 * Committee (a collegial body headed by its chairman) or an office under it.
 */
export function checkSignatureForm(issuer: 'committee' | 'office', sig: SignatureLines): SignatureFormIssue | null {
  const lines = (['authority', 'onBehalfOf'] as const).map((field) => ({ field, text: norm(sig[field]) })).filter((l) => l.text);
  const position = norm(sig.position);
  const found = new Map<Prefix, 'authority' | 'onBehalfOf'>();
  for (const l of lines) {
    const p = prefixOf(l.text);
    if (!p) return { field: l.field, code: 'signature_prefix_unknown', reason: 'a line above the post starts with TM., KT., TL., TUQ. or Q.' };
    found.set(p, l.field);
  }
  const delegated = found.has('TL.') || found.has('TUQ.');
  if ((found.has('TL.') && found.has('TUQ.')) || (delegated && found.has('TM.'))) {
    return { field: found.get('TL.') ?? found.get('TUQ.')!, code: 'signature_forms_conflict', reason: 'TL. and TUQ. exclude each other and TM.' };
  }
  if (found.has('TM.') && issuer !== 'committee') return { field: found.get('TM.')!, code: 'tm_needs_collective', reason: 'TM. is for a collegial body (the People’s Committee), not an office' };
  if (found.has('KT.') && !isDeputy(position)) return { field: 'position', code: 'kt_needs_deputy', reason: 'KT. is signed by a deputy (PHÓ …) for the head' };
  if (isDeputy(position) && !found.has('KT.') && !delegated) return { field: 'position', code: 'deputy_needs_kt', reason: 'a deputy signs KT. for the head' };
  if (issuer === 'committee' && !delegated && !isChair(position)) {
    return { field: 'onBehalfOf', code: 'needs_tl_or_tuq', reason: 'a People’s Committee document signed by someone other than its (vice-)chairman is signed TL. or TUQ. CHỦ TỊCH' };
  }
  if (issuer === 'office' && isChair(position) && !delegated) return { field: 'position', code: 'signer_not_of_issuer', reason: 'an office’s own document is signed by the office’s head, not the Committee’s chairman' };
  return null;
}
