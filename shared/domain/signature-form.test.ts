import { describe, expect, it } from 'vitest';
import { checkSignatureForm } from './signature-form.js';

describe('signature form against the issuer (Decree 30, Điều 13)', () => {
  it('accepts the forms of reference.md §5.3', () => {
    expect(checkSignatureForm('committee', { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH' })).toBeNull();
    expect(checkSignatureForm('committee', { authority: 'TM. ỦY BAN NHÂN DÂN', onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH' })).toBeNull();
    expect(checkSignatureForm('committee', { onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH' })).toBeNull();
    expect(checkSignatureForm('committee', { position: 'CHỦ TỊCH' })).toBeNull();
    expect(checkSignatureForm('committee', { onBehalfOf: 'TL. CHỦ TỊCH', position: 'CHÁNH VĂN PHÒNG' })).toBeNull();
    expect(checkSignatureForm('office', { onBehalfOf: 'TUQ. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ' })).toBeNull();
    expect(checkSignatureForm('office', { onBehalfOf: 'tl. chủ tịch', position: 'trưởng phòng' })).toBeNull();
    expect(checkSignatureForm('office', { position: 'TRƯỞNG PHÒNG' })).toBeNull();
    expect(checkSignatureForm('office', { onBehalfOf: 'KT. TRƯỞNG PHÒNG', position: 'PHÓ TRƯỞNG PHÒNG' })).toBeNull();
  });

  it('refuses a form that does not agree with the signer or the issuer, naming the field', () => {
    // The reviewer's case (H3): a People's Committee notice signed by the head of an office without TL./TUQ.
    expect(checkSignatureForm('committee', { position: 'TRƯỞNG PHÒNG' })).toMatchObject({ field: 'onBehalfOf', code: 'needs_tl_or_tuq' });
    expect(checkSignatureForm('committee', { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', position: 'TRƯỞNG PHÒNG NỘI VỤ' })?.code).toBe('needs_tl_or_tuq');
    expect(checkSignatureForm('office', { onBehalfOf: 'TM. PHÒNG NỘI VỤ', position: 'TRƯỞNG PHÒNG' })).toMatchObject({ field: 'onBehalfOf', code: 'tm_needs_collective' });
    expect(checkSignatureForm('committee', { onBehalfOf: 'KT. CHỦ TỊCH', position: 'CHỦ TỊCH' })).toMatchObject({ field: 'position', code: 'kt_needs_deputy' });
    expect(checkSignatureForm('committee', { position: 'PHÓ CHỦ TỊCH' })).toMatchObject({ field: 'position', code: 'deputy_needs_kt' });
    expect(checkSignatureForm('committee', { authority: 'TM. ỦY BAN NHÂN DÂN', onBehalfOf: 'TL. CHỦ TỊCH', position: 'CHÁNH VĂN PHÒNG' })?.code).toBe('signature_forms_conflict');
    expect(checkSignatureForm('committee', { onBehalfOf: 'THAY MẶT', position: 'CHỦ TỊCH' })).toMatchObject({ field: 'onBehalfOf', code: 'signature_prefix_unknown' });
    expect(checkSignatureForm('office', { position: 'CHỦ TỊCH' })).toMatchObject({ field: 'position', code: 'signer_not_of_issuer' });
  });
});
