// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../../i18n/i18n.js';
import { createQueryClient } from '../../lib/query-client.js';
import { DocumentLinks } from './DocumentLinks.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

function render(available: boolean) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ available }), { status: 200 })));
  act(() => {
    root.render(
      <MantineProvider>
        <I18nProvider initial="vi">
          <QueryClientProvider client={createQueryClient()}>
            <DocumentLinks base="/api/documents/plan/p1" docxLabel="Tải .docx" pdfLabel="Tải PDF" previewTitle="Bản xem trước" />
          </QueryClientProvider>
        </I18nProvider>
      </MantineProvider>,
    );
  });
}

async function waitFor(check: () => boolean, timeoutMs = 3000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

const links = () => [...container.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

describe('document links', () => {
  it('without LibreOffice: only the .docx, and a plain Vietnamese explanation', async () => {
    render(false);
    await waitFor(() => container.textContent!.includes('LibreOffice'));
    expect(container.textContent).toContain('Máy chủ chưa cài LibreOffice');
    expect(container.textContent).toContain('README');
    expect(links()).toEqual([['Tải .docx', '/api/documents/plan/p1.docx']]);
  });

  it('with LibreOffice: the PDF too, and a button that opens the preview', async () => {
    render(true);
    await waitFor(() => links().length === 2);
    expect(links()).toEqual([
      ['Tải .docx', '/api/documents/plan/p1.docx'],
      ['Tải PDF', '/api/documents/plan/p1.pdf'],
    ]);
    expect(container.textContent).not.toContain('LibreOffice');
    // Not clicked here: happy-dom refuses to load frames and prints the refusal.
    const preview = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Xem trước PDF');
    expect(preview?.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('iframe')).toBeNull();
  });
});
