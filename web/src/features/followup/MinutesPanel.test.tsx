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
const content = {
  summary: 'Kiểm tra đột xuất công tác cải cách hành chính tại UBND phường Bồng Sơn',
  legalBases: [],
  heldOn: '2021-06-16',
  startTime: '08:00',
  place: 'Trụ sở UBND phường Bồng Sơn',
  teamPresent: [{ name: 'Ông Nguyễn Văn Hùng', position: 'Phó Chủ tịch UBND thị xã' }],
  unitRepresentatives: [],
  contents: [],
  strengths: [],
  shortcomings: ['Hồ sơ trễ hạn chưa có Phiếu xin lỗi.'],
  requests: [],
  unitComments: [],
  closingTime: '11:00',
  copies: 2,
  unitSignerPosition: 'CHỦ TỊCH',
  unitSignerName: '',
  teamLeaderName: 'Nguyễn Văn Hùng',
  secretaryName: '',
  recipients: [],
};
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
function serve(opts: { heldOnRefused?: boolean } = {}) {
  let state: 'none' | 'draft' | 'final' = 'none';
  const patches: { version: number; content: Record<string, unknown> }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (url.includes('/checklists')) return Response.json({ items: [], abilities: { fill: true, addChecklist: true, recordFindings: true } });
    if (url.includes('/api/files?')) return Response.json({ items: [scan], canAttach: true, rules: { kinds: ['pdf', 'jpeg', 'png'], maxBytes: 25 * 1024 * 1024, maxFiles: 10 } });
    if (url.endsWith('/pdf-availability')) return Response.json({ available: false });
    if (method === 'POST' && url.endsWith('/api/minutes')) return Response.json(minutes((state = 'draft')), { status: 201 });
    if (method === 'PATCH') {
      patches.push(JSON.parse(String(init?.body)));
      return Response.json(minutes(state === 'final' ? 'final' : 'draft'));
    }
    if (method === 'POST' && url.endsWith('/finalize')) {
      if (opts.heldOnRefused) {
        const param = { name: 'body.content.heldOn', code: 'in_future', reason: 'the minutes cannot be dated after today (2021-06-15)' };
        return Response.json({ type: 'about:blank', title: 'VALIDATION_FAILED', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [param] }, { status: 400 });
      }
      // Refused until the unit's signer is named (as finalize-minutes.ts does).
      if (!patches.some((p) => p.content.unitSignerName)) return Response.json({ type: 'about:blank', title: 'VALIDATION_FAILED', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'body.content.unitSignerName', code: 'required', reason: 'who signs for the inspected unit?' }] }, { status: 400 });
      return Response.json(minutes((state = 'final')));
    }
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
  return Object.assign(fetchMock, { patches });
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
    const finalise = async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Hoàn thành, vào số biên bản' }));
      // Irreversible: confirmed in a dialog first.
      await userEvent.click(within(await screen.findByRole('dialog', { name: 'Hoàn thành, vào số biên bản' })).getByRole('button', { name: 'Hoàn thành, vào số biên bản' }));
    };
    // Refused while the unit's signer is unnamed: the field says so.
    await finalise();
    const signer = await screen.findByRole('textbox', { name: 'Họ tên người ký của đơn vị' });
    expect(await screen.findByText('Bắt buộc nhập.')).toBeTruthy();
    await userEvent.type(signer, 'Lê Văn Bình');
    await userEvent.type(screen.getByRole('textbox', { name: 'Đại diện đơn vị được kiểm tra' }), 'Ông Lê Văn Bình, Chủ tịch UBND phường');
    await userEvent.type(screen.getByRole('textbox', { name: 'Ý kiến của đơn vị được kiểm tra' }), 'Thống nhất với nhận xét của Đoàn.');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu biên bản' }));
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
    expect(fetchMock.patches[0]).toMatchObject({
      version: 1,
      content: { unitSignerName: 'Lê Văn Bình', unitRepresentatives: [{ name: 'Ông Lê Văn Bình', position: 'Chủ tịch UBND phường' }], unitComments: ['Thống nhất với nhận xét của Đoàn.'], shortcomings: ['Hồ sơ trễ hạn chưa có Phiếu xin lỗi.'] },
    });
    await finalise();
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

  it('says why minutes of a day not yet come are not numbered, beside their date', async () => {
    serve({ heldOnRefused: true });
    await userEvent.click(await screen.findByRole('button', { name: 'Lập biên bản từ phiếu kiểm tra và phát hiện' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Hoàn thành, vào số biên bản' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Hoàn thành, vào số biên bản' })).getByRole('button', { name: 'Hoàn thành, vào số biên bản' }));
    expect(await screen.findByText('Ngày này chưa tới: không thể ban hành văn bản với ngày sau hôm nay.')).toBeTruthy();
    expect(screen.getByText('Dự thảo')).toBeTruthy();
  });
});
