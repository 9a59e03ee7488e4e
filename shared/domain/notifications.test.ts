import { describe, expect, it } from 'vitest';
import { composeEmailText, formatIsoDate, notificationKindLabel, notificationKinds, notificationLanguages, renderNotification, renderStoredNotification, type NotificationParams } from './notifications.js';

const samples: NotificationParams = {
  'plan.submitted': { planTitle: 'Kiểm tra công tác CCHC năm 2021', year: 2021, actorName: 'Đặng Thị Mỹ Linh' },
  'plan.approved': { planTitle: 'Kiểm tra công tác CCHC năm 2021', year: 2021, actorName: 'Phạm Trương', documentNumber: '01/KH-UBND', issuedOn: '2021-05-05' },
  'plan.returned': { planTitle: 'Kiểm tra công tác CCHC năm 2021', year: 2021, actorName: 'Phạm Trương', reason: null },
  'team.decision_issued': { teamName: 'Đoàn kiểm tra số 1', planTitle: 'Kiểm tra công tác CCHC năm 2021', documentNumber: '12/QĐ-UBND', issuedOn: '2021-05-10', role: 'thu_ky' },
  'inspection.notice_issued': { agencyName: 'UBND phường Hoài Thanh Tây', documentNumber: '01/TB-NV', issuedOn: '2021-08-16', startsOn: '2021-09-09', startTime: '08:00', reportDueOn: '2021-09-06' },
  'inspection.report_due': { agencyName: 'UBND phường Hoài Thanh Tây', reportDueOn: '2021-09-06', startsOn: '2021-09-09', when: 'soon' },
  'inspection.visit_tomorrow': { agencyName: 'Bộ phận Một cửa phường Tam Quan Bắc', startsOn: '2021-09-21', startTime: null, teamName: 'Đoàn kiểm tra số 1', unannounced: true },
  'inspection.started': { agencyName: 'Bộ phận Một cửa phường Tam Quan Bắc', teamName: 'Đoàn kiểm tra số 1', unannounced: true },
  'inspection.schedule_changed': { agencyName: 'Phòng Nội vụ', startsOn: '2021-10-21', previousStartsOn: '2021-10-20', cancelled: false, reason: 'Trùng lịch họp' },
  'conclusion.issued': { agencyName: 'UBND phường Bồng Sơn', documentNumber: '05/TB-UBND', issuedOn: '2021-07-01', actionCount: 3 },
  'action.reported': { agencyName: 'UBND phường Bồng Sơn', action: 'Niêm yết đầy đủ thủ tục hành chính', actorName: 'Trần Văn An' },
  'action.reviewed': { agencyName: 'UBND phường Bồng Sơn', action: 'Niêm yết đầy đủ thủ tục hành chính', accepted: false, note: 'Thiếu ảnh chụp' },
  'action.due': { agencyName: 'UBND phường Bồng Sơn', action: 'Niêm yết đầy đủ thủ tục hành chính', dueOn: '2021-07-15', when: 'overdue' },
  'report.requested': { title: 'Báo cáo CCHC quý II năm 2021', ownerName: 'Phòng Nội vụ', dueOn: '2021-06-20', documentNumber: null },
  'report.request_changed': { title: 'Báo cáo phục vụ kiểm tra', dueOn: '2021-12-01', previousDueOn: '2021-11-25', reason: 'Trùng lịch họp' },
  'report.due': { title: 'Báo cáo CCHC quý II năm 2021', agencyName: 'UBND phường Bồng Sơn', dueOn: '2021-06-21', when: 'soon', workingDays: 2 },
  'report.escalated': { title: 'Báo cáo CCHC quý II năm 2021', agencyName: 'UBND phường Bồng Sơn', dueOn: '2021-06-21', workingDaysLate: 3 },
  'report.submitted': { title: 'Báo cáo CCHC quý II năm 2021', agencyName: 'UBND phường Bồng Sơn', late: false },
  'report.returned': { title: 'Báo cáo CCHC quý II năm 2021', reason: 'Thiếu số liệu' },
  'report.accepted': { title: 'Báo cáo CCHC quý II năm 2021' },
  'report.extended': { title: 'Báo cáo CCHC quý II năm 2021', ownerName: 'UBND thị xã', previousDueOn: '2021-06-18', dueOn: '2021-06-25', reason: 'Trùng kỳ nghỉ lễ', documentNumber: '18/UBND-NV' },
  'report.withdrawn': { title: 'Báo cáo CCHC quý II năm 2021', ownerName: 'UBND thị xã', reason: 'Gửi nhầm', documentNumber: null },
  'assigned_task.assigned': { content: 'Rà soát, công bố thủ tục hành chính lĩnh vực đất đai', sourceNumber: '125/TB-UBND', deadline: '2021-06-30', role: 'owner' },
  'assigned_task.deadline': { content: 'Rà soát, công bố thủ tục hành chính lĩnh vực đất đai', sourceNumber: '125/TB-UBND', ownerName: 'Phòng Tư pháp', deadline: '2021-06-30', when: 'overdue', workingDays: 3 },
  'self_inspection.recorded': { agencyName: 'UBND phường Bồng Sơn', year: 2021, what: 'plan' },
  'difficulty.raised': { agencyName: 'UBND xã Hoài Sơn', title: 'Thiếu máy scan số hóa hồ sơ', areaName: 'Hiện đại hóa hành chính' },
  'difficulty.forwarded': { agencyName: 'UBND xã Hoài Sơn', title: 'Thiếu máy scan số hóa hồ sơ', note: null },
  'difficulty.answered': { title: 'Thiếu máy scan số hóa hồ sơ', answeredBy: 'Phòng Nội vụ' },
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
    expect(renderNotification('inspection.notice_issued', samples['inspection.notice_issued'], 'vi').body).toContain('Đơn vị gửi báo cáo chậm nhất ngày 06/09/2021.');
    expect(renderNotification('inspection.schedule_changed', samples['inspection.schedule_changed'], 'en').body).toBe('The inspection of Phòng Nội vụ moved from 20/10/2021 to 21/10/2021. Reason: Trùng lịch họp');
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
