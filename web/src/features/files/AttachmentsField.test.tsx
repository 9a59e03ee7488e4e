// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../i18n/i18n.js';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../../i18n/i18n.js';
import { createQueryClient } from '../../lib/query-client.js';
import { AttachmentsField } from './AttachmentsField.js';

const file = {
  id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a0a',
  ownerType: 'plan',
  ownerId: '6c1f3d0e-2222-4c1e-9d1a-0a0a0a0a0a0a',
  purpose: 'signed_scan',
  fileName: 'Kế hoạch đã ký.pdf',
  mediaType: 'application/pdf',
  size: 245_760,
  sha256: 'a'.repeat(64),
  createdAt: '2021-05-06T02:00:00.000Z',
  url: '/api/files/6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a0a',
  removable: false,
};

// The upload itself (an XMLHttpRequest with progress) answers as the server would refuse it.
const refusal = vi.hoisted(() => ({ code: 'file_type_not_allowed' }));
vi.mock('../../lib/upload.js', async () => {
  const { ApiError } = await import('../../lib/api-client.js');
  return {
    uploadFile: async () => {
      throw new ApiError({ status: 400, code: 'VALIDATION_FAILED', invalidParams: [{ name: 'file', code: refusal.code, reason: 'refused' }] });
    },
  };
});

/** The signed-scan field's rules as the server states them (server/modules/plans/plans.files.ts). */
const signedScanRules = { kinds: ['pdf', 'jpeg', 'png', 'heic'], maxBytes: 25 * 1024 * 1024, maxFiles: 10 };

function show(canAttach: boolean, language: Language = 'vi') {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items: [{ ...file, removable: canAttach }], canAttach, rules: signedScanRules }), { status: 200 })));
  render(
    <MantineProvider>
      <I18nProvider initial={language}>
        <QueryClientProvider client={createQueryClient()}>
          <AttachmentsField ownerType="plan" ownerId={file.ownerId} purpose="signed_scan" label="Bản chụp văn bản đã ký, đóng dấu" />
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('attachments field', () => {
  it('lists the files with download links; no upload for a reader', async () => {
    show(false);
    const link = await screen.findByRole('link', { name: 'Kế hoạch đã ký.pdf' });
    expect(link.getAttribute('href')).toBe(file.url);
    expect(screen.getByText('240 kB')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tải tệp lên' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Gỡ tệp/ })).toBeNull();
  });

  it('offers upload and remove when the server says the caller may attach', async () => {
    show(true);
    expect(await screen.findByRole('button', { name: 'Tải tệp lên' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Gỡ tệp Kế hoạch đã ký.pdf' })).toBeTruthy();
  });

  async function refuse(code: string, language: Language = 'vi') {
    refusal.code = code;
    show(true, language);
    await screen.findByRole('button', { name: language === 'vi' ? 'Tải tệp lên' : 'Upload a file' });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.setup({ applyAccept: false }).upload(input, new File(['x'], 'bien-ban.docx'));
    return (await screen.findByRole('alert')).textContent;
  }

  it('says which kinds THIS field accepts when a file is refused, not every kind the server knows', async () => {
    const message = await refuse('file_type_not_allowed');
    expect(message).toBe('Mục này chỉ nhận tệp PDF, JPEG, PNG, HEIC.');
    expect(message).not.toMatch(/Word|Excel/);
  });

  it('names the configured size limit when a file is too large, in Vietnamese and English', async () => {
    expect(await refuse('file_too_large')).toBe('Tệp lớn hơn giới hạn 25 MB của mục này.');
    cleanup();
    expect(await refuse('file_too_large', 'en')).toBe('The file is larger than this field’s limit of 25 MB.');
  });

  it('states the rules beside the upload button and filters the chooser by them', async () => {
    show(true);
    expect(await screen.findByText('Nhận tệp PDF, JPEG, PNG, HEIC, mỗi tệp tối đa 25 MB.')).toBeTruthy();
    expect(document.querySelector('input[type="file"]')!.getAttribute('accept')).toBe('application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png,image/heic,.heic,.heif');
  });
});
