// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { NotificationPreferences } from '../../../../shared/api/notifications.schemas.js';
import { notificationKinds } from '../../../../shared/domain/notifications.js';
import { json, renderWithProviders } from '../../test/render.js';
import { NotificationPreferencesSection } from './NotificationPreferencesSection.js';

function fakeServer(mailEnabled = true) {
  let prefs: NotificationPreferences = { email: 'lanhdao@hoainhon.test', language: 'vi', kinds: notificationKinds.map((kind) => ({ kind, email: true })), mailEnabled };
  const puts: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as { language?: 'vi' | 'en'; kinds?: { kind: string; email: boolean }[] };
        puts.push(body);
        prefs = { ...prefs, language: body.language ?? prefs.language, kinds: prefs.kinds.map((k) => ({ ...k, email: body.kinds?.find((b) => b.kind === k.kind)?.email ?? k.email })) };
      }
      return json(prefs);
    }),
  );
  return { puts };
}

describe('notification preferences', () => {
  it('turns e-mail off for one kind and saves at once', async () => {
    const server = fakeServer();
    renderWithProviders(<NotificationPreferencesSection />);
    const box = await screen.findByRole('checkbox', { name: 'Kế hoạch được trình phê duyệt' });
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Thư được gửi tới lanhdao@hoainhon.test.')).toBeTruthy();
    await userEvent.click(box);
    await screen.findByRole('checkbox', { name: 'Kế hoạch được trình phê duyệt', checked: false });
    expect(server.puts).toEqual([{ kinds: [{ kind: 'plan.submitted', email: false }] }]);
  });

  it('says when the installation sends no e-mail', async () => {
    fakeServer(false);
    renderWithProviders(<NotificationPreferencesSection />, { language: 'en' });
    expect(await screen.findByText('This installation does not send e-mail: notifications appear in the app only.')).toBeTruthy();
  });
});
