// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders } from '../../test/render.js';
import { RecordAttachments } from './RecordAttachments.js';

const planId = '6c1f3d0e-2222-4c1e-9d1a-0a0a0a0a0a0a';
const supporting = {
  id: '6c1f3d0e-3333-4c1e-9d1a-0a0a0a0a0a0a',
  ownerType: 'plan',
  ownerId: planId,
  purpose: 'supporting',
  fileName: 'Biên bản họp.docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size: 20_480,
  sha256: 'b'.repeat(64),
  createdAt: '2021-05-06T02:00:00.000Z',
  url: '/api/files/6c1f3d0e-3333-4c1e-9d1a-0a0a0a0a0a0a',
  removable: false,
};
const rules = { kinds: ['pdf', 'docx', 'xlsx', 'jpeg', 'png', 'heic'], maxBytes: 25 * 1024 * 1024, maxFiles: 50 };

/** The server's answer for each purpose: the supporting documents, no signed scan yet. */
function serve(canAttach: boolean) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const purpose = url.searchParams.get('purpose');
    const items = purpose === 'supporting' ? [{ ...supporting, removable: canAttach }] : [];
    return json({ items, canAttach, rules });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function show(signed: boolean) {
  renderWithProviders(<RecordAttachments ownerType="plan" ownerId={planId} signed={signed} signedScanLabel="Bản chụp văn bản đã ký, đóng dấu" supportingLabel="Tài liệu kèm theo kế hoạch" />);
}

describe('a record’s attachments', () => {
  it('shows the supporting documents of a draft plan with download links, upload and remove for the office', async () => {
    const fetch = serve(true);
    show(false);
    const group = await screen.findByRole('group', { name: 'Tài liệu kèm theo kế hoạch' });
    const link = await within(group).findByRole('link', { name: 'Biên bản họp.docx' });
    expect(link.getAttribute('href')).toBe(supporting.url);
    expect(await within(group).findByRole('button', { name: 'Tải tệp lên' })).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Gỡ tệp Biên bản họp.docx' })).toBeTruthy();
    // A draft has no signed original yet.
    expect(screen.queryByRole('group', { name: 'Bản chụp văn bản đã ký, đóng dấu' })).toBeNull();
    expect(fetch.mock.calls.map(([url]) => new URL(String(url), 'http://localhost').searchParams.get('purpose'))).toContain('supporting');
  });

  it('gives a reader of an issued plan both lists to download, nothing to change', async () => {
    serve(false);
    show(true);
    const group = await screen.findByRole('group', { name: 'Tài liệu kèm theo kế hoạch' });
    expect(await within(group).findByRole('link', { name: 'Biên bản họp.docx' })).toBeTruthy();
    expect(await screen.findByRole('group', { name: 'Bản chụp văn bản đã ký, đóng dấu' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tải tệp lên' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Gỡ tệp/ })).toBeNull();
  });
});
