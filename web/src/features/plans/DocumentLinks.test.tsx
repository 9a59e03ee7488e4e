// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders } from '../../test/render.js';
import { DocumentLinks } from './DocumentLinks.js';

function render(available: boolean) {
  vi.stubGlobal('fetch', vi.fn(async () => json({ available })));
  renderWithProviders(<DocumentLinks base="/api/documents/plan/p1" docxLabel="Tải .docx" pdfLabel="Tải PDF" previewTitle="Bản xem trước" />);
}

const links = () => screen.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')]);

describe('document links', () => {
  it('without LibreOffice: only the .docx, and a plain Vietnamese explanation', async () => {
    render(false);
    const note = await screen.findByText(/Máy chủ chưa cài LibreOffice/);
    expect(note.textContent).toContain('README');
    expect(links()).toEqual([['Tải .docx', '/api/documents/plan/p1.docx']]);
  });

  it('with LibreOffice: the PDF too, and a button that opens the preview', async () => {
    render(true);
    await screen.findByRole('link', { name: 'Tải PDF' });
    expect(links()).toEqual([
      ['Tải .docx', '/api/documents/plan/p1.docx'],
      ['Tải PDF', '/api/documents/plan/p1.pdf'],
    ]);
    expect(document.body.textContent).not.toContain('LibreOffice');
    // Not clicked here: happy-dom refuses to load frames and prints the refusal.
    expect(screen.getByRole('button', { name: 'Xem trước PDF' }).getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('iframe')).toBeNull();
  });
});
