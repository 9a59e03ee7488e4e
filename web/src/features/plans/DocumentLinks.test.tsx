// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../../i18n/i18n.js';
import { createQueryClient } from '../../lib/query-client.js';
import { DocumentLinks } from './DocumentLinks.js';

const conversion = { id: '0b7c1d0e-1111-4c1e-9d1a-0a0a0a0a0a0a', kind: 'plan', subjectId: 'p1', errorCode: null };

/** A server whose queue answers "queued" to the request, then "done" when asked again. */
function serve(available: boolean) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/pdf-availability')) return Response.json({ available });
    if (url.endsWith('/conversions')) return Response.json({ ...conversion, status: 'queued', position: 2, url: null }, { status: 202 });
    if (url.includes('/api/document-conversions/')) return Response.json({ ...conversion, status: 'done', position: null, url: '/api/documents/plan/p1.pdf' });
    return new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <MantineProvider>
      <I18nProvider initial="vi">
        <QueryClientProvider client={createQueryClient()}>
          <DocumentLinks base="/api/documents/plan/p1" docxLabel="Tải .docx" pdfLabel="Tải PDF" previewTitle="Bản xem trước" />
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>,
  );
  return fetchMock;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('document links', () => {
  it('without LibreOffice: only the .docx, and a plain Vietnamese explanation', async () => {
    serve(false);
    expect(await screen.findByText(/Máy chủ chưa cài LibreOffice/)).toBeTruthy();
    expect(screen.getByText(/README/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tải .docx' }).getAttribute('href')).toBe('/api/documents/plan/p1.docx');
    expect(screen.queryByRole('button', { name: 'Tạo PDF' })).toBeNull();
  });

  it('with LibreOffice: asks the queue for the PDF, follows the conversion, then offers the download and preview', async () => {
    const fetchMock = serve(true);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Tạo PDF' }));
    expect(fetchMock.mock.calls.some(([url, init]) => String(url) === '/api/documents/plan/p1/conversions' && init?.method === 'POST')).toBe(true);
    const link = await screen.findByRole('link', { name: 'Tải PDF' });
    expect(link.getAttribute('href')).toBe('/api/documents/plan/p1.pdf');
    const preview = screen.getByRole('button', { name: 'Xem trước PDF' });
    expect(preview.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/LibreOffice/)).toBeNull();
  });
});
