// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../../i18n/i18n.js';
import { createQueryClient } from '../../lib/query-client.js';
import { MinutesPanel } from './MinutesPanel.js';

const inspectionId = '5d2b7a64-2f4e-4c43-9a55-0c6f1f3f1a01';
const minutesId = '7e1c2b3a-4d5e-4f60-8a71-9b0c1d2e3f40';
const content = { summary: 'Kiểm tra đột xuất công tác cải cách hành chính tại UBND phường Bồng Sơn', heldOn: '2021-06-16' };
const minutes = (status: 'draft' | 'final') => ({
  id: minutesId,
  inspectionId,
  status,
  content,
  documentNumber: status === 'final' ? '03/BB-NV' : null,
  signedScans: [],
  abilities: { update: status === 'draft', finalize: status === 'draft', uploadSignedScan: status === 'final' },
  version: status === 'draft' ? 1 : 2,
});

const scan = { id: '7e1c2b3a-4d5e-4f60-8a71-9b0c1d2e3f41', ownerType: 'inspection_minutes', ownerId: minutesId, purpose: 'signed_scan', fileName: 'BB-03-da-ky.pdf', mediaType: 'application/pdf', size: 245_760, sha256: 'a'.repeat(64), createdAt: '2021-06-17T02:00:00.000Z', url: '/api/files/7e1c2b3a-4d5e-4f60-8a71-9b0c1d2e3f41', removable: true };

/** A server with no minutes until the team drafts them, then a draft, then final minutes. */
function serve() {
  let state: 'none' | 'draft' | 'final' = 'none';
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (url.includes('/checklists')) return Response.json({ items: [], abilities: { fill: true, addChecklist: true, recordFindings: true } });
    if (url.includes('/api/files?')) return Response.json({ items: [scan], canAttach: true, rules: { kinds: ['pdf', 'jpeg', 'png'], maxBytes: 25 * 1024 * 1024, maxFiles: 10 } });
    if (url.endsWith('/pdf-availability')) return Response.json({ available: false });
    if (method === 'POST' && url.endsWith('/api/minutes')) return Response.json(minutes((state = 'draft')), { status: 201 });
    if (method === 'POST' && url.endsWith('/finalize')) return Response.json(minutes((state = 'final')));
    if (url.includes('/api/minutes')) return Response.json({ items: state === 'none' ? [] : [minutes(state)] });
    return new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <MantineProvider>
      <I18nProvider initial="vi">
        <QueryClientProvider client={createQueryClient()}>
          <MinutesPanel inspectionId={inspectionId} />
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

describe('minutes panel', () => {
  it('lets the team draft the minutes, then finalise them; shows the number and the download', async () => {
    const fetchMock = serve();
    expect(await screen.findByText('Chưa lập biên bản.')).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Lập biên bản từ phiếu kiểm tra và phát hiện' }));
    expect(await screen.findByText('Dự thảo')).toBeTruthy();
    expect(screen.getByText(content.summary)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Hoàn thành, vào số biên bản' }));
    // Irreversible: confirmed in a dialog first.
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Hoàn thành, vào số biên bản' })).getByRole('button', { name: 'Hoàn thành, vào số biên bản' }));
    expect(await screen.findByText('Số: 03/BB-NV')).toBeTruthy();
    expect(screen.getByText('Đã ký')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hoàn thành, vào số biên bản' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Tải biên bản (.docx)' }).getAttribute('href')).toBe(`/api/documents/minutes/${minutesId}.docx`);
    // The signed scan: listed with its download link, and an upload for those the server allows.
    expect((await screen.findByRole('link', { name: 'BB-03-da-ky.pdf' })).getAttribute('href')).toBe(scan.url);
    expect(screen.getByText('Bản scan biên bản đã ký')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tải tệp lên' })).toBeTruthy();
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes(`ownerType=inspection_minutes&ownerId=${minutesId}&purpose=signed_scan`))).toBe(true);
    const finalize = fetchMock.mock.calls.find(([u, i]) => String(u).endsWith('/finalize') && i?.method === 'POST');
    expect(JSON.parse(String(finalize?.[1]?.body))).toEqual({ version: 1 });
  });
});
