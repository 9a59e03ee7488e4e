import { describe, expect, it } from 'vitest';
import { checkSignatureForm } from '../../../shared/domain/signature-form.js';
import { defaultSignature, signerPositionOf } from './default-signature.js';
import type { IssuerInfo } from './issuer-header.js';

const issuer = (agencyId: string, name: string, headName: string | null): IssuerInfo => ({
  agencyId,
  name,
  shortName: null,
  kind: 'x',
  docAbbreviation: null,
  headName,
  placeName: 'Hoài Nhơn',
  body: { name },
});
const committee = issuer('c', 'Ủy ban nhân dân thị xã Hoài Nhơn', 'Phạm Trương');
const office = issuer('o', 'Phòng Nội vụ', 'Nguyễn Văn Hùng');

describe('the default signature of a draft (conclusions, notices)', () => {
  it('signs the committee’s own document TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH, with TM. as the authority and no Ký thay line', () => {
    const sig = defaultSignature(committee, committee, 'TUQ. CHỦ TỊCH');
    expect(sig).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: 'Phạm Trương' });
    expect(checkSignatureForm('committee', sig)).toBeNull();
    expect(signerPositionOf(sig)).toBe('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH');
  });

  it('signs an office’s document by its head under the chairman’s order or authorisation', () => {
    expect(defaultSignature(office, committee, 'TUQ. CHỦ TỊCH')).toEqual({ authority: 'TUQ. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' });
    expect(defaultSignature(office, committee, 'TL. CHỦ TỊCH').authority).toBe('TL. CHỦ TỊCH');
    expect(defaultSignature(issuer('v', 'Văn phòng HĐND và UBND', null), committee, 'TL. CHỦ TỊCH')).toMatchObject({ position: 'THỦ TRƯỞNG', signerName: '' });
  });

  it('keeps a deputy’s KT. line in the register’s signer position', () => {
    expect(signerPositionOf({ authority: 'TM. ỦY BAN NHÂN DÂN', onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH' })).toBe('TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH');
  });
});
