// @vitest-environment happy-dom
import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api } from '../../lib/api-client.js';
import { json, renderWithProviders } from '../../test/render.js';
import { SignModal } from './SignModal.js';

/** The dialog as a page uses it: the issue request goes out, its refusal comes back as `error`. */
function Signing({ registerAgencyId }: { registerAgencyId?: string }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <SignModal
      opened
      title="Ban hành kế hoạch"
      hint="Số văn bản được cấp tự động."
      confirmLabel="Ban hành"
      signature={{ authority: 'TM. ỦY BAN NHÂN DÂN', onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName: 'Phạm Trương' }}
      registerAgencyId={registerAgencyId}
      pending={false}
      error={error}
      onConfirm={(input) => void api.post('/api/plans/p/issue', input).catch(setError)}
      onClose={() => undefined}
      onReload={() => undefined}
    />
  );
}

const refusal = {
  type: 'about:blank',
  title: 'VALIDATION_FAILED',
  status: 400,
  code: 'VALIDATION_FAILED',
  requestId: 'r',
  invalidParams: [{ name: 'body.issuedOn', code: 'before_last_in_register', reason: 'the last number is later', params: { documentNumber: '17/TB-UBND', issuedOn: '22/06/2021' } }],
};

describe('the sign dialog', () => {
  it("shows a date before the register's last number on the date field, with that number and its date", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(refusal, 400)));
    renderWithProviders(<Signing />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ban hành' }));
    const message = 'Ngày ban hành trước ngày của số cuối trong sổ đăng ký văn bản (17/TB-UBND ngày 22/06/2021): số văn bản được cấp theo thứ tự ngày.';
    expect(await within(dialog).findByText(message)).toBeTruthy();
    // On the date field itself, not only in the alert.
    const field = within(dialog).getByRole('button', { name: /Ngày ký/ });
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it("hints the register's last number and date under the date, for the year of the date picked", async () => {
    const agencyId = '22222222-2222-4222-8222-222222222222';
    const fetchMock = vi.fn(async (input: RequestInfo | URL) =>
      String(input).startsWith('/api/document-register?') ? json({ items: [{ documentNumber: '17/TB-UBND', issuedOn: '2021-06-22' }] }) : json(refusal, 400),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<Signing registerAgencyId={agencyId} />);
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/^Số cuối trong sổ đăng ký văn bản năm \d{4}: 17\/TB-UBND ngày 22\/06\/2021; không chọn ngày sớm hơn\.$/)).toBeTruthy();
    const asked = new URL(String(fetchMock.mock.calls[0][0]), 'http://x');
    expect([asked.pathname, asked.searchParams.get('agencyId'), asked.searchParams.get('latest')]).toEqual(['/api/document-register', agencyId, 'true']);
  });

  it('says it in English too', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(refusal, 400)));
    renderWithProviders(<Signing />, { language: 'en' });
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getAllByRole('button').at(-1)!);
    expect(await within(dialog).findByText('The issue date is before the last number in the register (17/TB-UBND of 22/06/2021): numbers follow the order of dates.')).toBeTruthy();
  });
});
