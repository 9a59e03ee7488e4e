import { describe, expect, it } from 'vitest';
import { composeEmailText, formatIsoDate, notificationKindLabel, notificationKinds, notificationLanguages, renderNotification, renderStoredNotification, type NotificationParams } from './notifications.js';

const samples: NotificationParams = {
  'plan.submitted': { planTitle: 'Kiểm tra công tác CCHC năm 2021', year: 2021, actorName: 'Đặng Thị Mỹ Linh' },
  'plan.approved': { planTitle: 'Kiểm tra công tác CCHC năm 2021', year: 2021, actorName: 'Phạm Trương', documentNumber: '01/KH-UBND', issuedOn: '2021-05-05' },
  'plan.returned': { planTitle: 'Kiểm tra công tác CCHC năm 2021', year: 2021, actorName: 'Phạm Trương', reason: null },
  'team.decision_issued': { teamName: 'Đoàn kiểm tra số 1', planTitle: 'Kiểm tra công tác CCHC năm 2021', documentNumber: '12/QĐ-UBND', issuedOn: '2021-05-10', role: 'thu_ky' },
  general: { title: 'Họp giao ban', message: 'Thứ Hai, 8 giờ.' },
};

describe('notification catalogue', () => {
  it('renders every kind in Vietnamese and English, with a label for the preferences screen', () => {
    for (const kind of notificationKinds) {
      for (const language of notificationLanguages) {
        const { title, body } = renderNotification(kind, samples[kind] as never, language);
        expect(title.length, `${kind} ${language}`).toBeGreaterThan(0);
        expect(body.length, `${kind} ${language}`).toBeGreaterThan(0);
        expect(notificationKindLabel(kind, language).length).toBeGreaterThan(0);
      }
    }
  });

  it('writes dates as dd/mm/yyyy and names the team role', () => {
    expect(renderNotification('plan.approved', samples['plan.approved'], 'vi').body).toContain('(số 01/KH-UBND, ngày 05/05/2021)');
    expect(renderNotification('team.decision_issued', samples['team.decision_issued'], 'vi').body).toContain('Đồng chí là Thư ký của đoàn.');
    expect(renderNotification('team.decision_issued', samples['team.decision_issued'], 'en').body).toContain('You are the secretary of the team.');
    expect(renderNotification('plan.returned', { ...samples['plan.returned'], reason: 'Thiếu nơi nhận' }, 'vi').body).toMatch(/Lý do: Thiếu nơi nhận$/);
    expect(formatIsoDate('2021-12-31')).toBe('31/12/2021');
  });

  it('never throws on a stored row it cannot render', () => {
    expect(renderStoredNotification('plan.unknown', {}, 'vi')).toEqual({ title: 'plan.unknown', body: '' });
    expect(renderStoredNotification('plan.approved', null, 'en').title).toBe('A plan is approved');
  });

  it('adds the link and the reason for the e-mail in the reader’s language', () => {
    expect(composeEmailText('vi', 'Nội dung.', 'https://cchc.example/plans/1')).toMatch(/^Nội dung\.\n\nXem chi tiết: https:\/\/cchc\.example\/plans\/1\n\n--\n.*trang Tài khoản\.\n$/s);
    expect(composeEmailText('en', 'Body.', null)).not.toContain('Open:');
  });
});
