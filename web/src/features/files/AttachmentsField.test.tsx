// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

function show(canAttach: boolean) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items: [{ ...file, removable: canAttach }], canAttach }), { status: 200 })));
  render(
    <MantineProvider>
      <I18nProvider initial="vi">
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
});
