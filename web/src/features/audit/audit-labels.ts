import type { AuditAction, AuditEntityType } from '../../../../shared/api/audit.schemas.js';
import type { Language } from '../../i18n/i18n.js';

/**
 * Labels of the audit catalogue (shared/api/audit.schemas.ts). Typed as complete records, so a
 * new action or record kind without a label fails the typecheck.
 */
const actionLabels: Record<AuditAction, [vi: string, en: string]> = {
  'session.signed_in': ['Đăng nhập', 'Signed in'],
  'session.signed_out': ['Đăng xuất', 'Signed out'],
  'user.password_changed': ['Đổi mật khẩu', 'Changed password'],
  'user.created': ['Tạo người dùng', 'Created user'],
  'user.updated': ['Sửa người dùng', 'Updated user'],
  'unit.created': ['Thêm đơn vị hành chính', 'Created unit'],
  'unit.updated': ['Sửa đơn vị hành chính', 'Updated unit'],
  'unit.deactivated': ['Ngừng hoạt động đơn vị', 'Deactivated unit'],
  'unit.succession_added': ['Ghi nhận sáp nhập/chia tách', 'Recorded succession'],
  'agency.created': ['Thêm cơ quan', 'Created agency'],
  'agency.updated': ['Sửa cơ quan', 'Updated agency'],
  'agency.deactivated': ['Ngừng hoạt động cơ quan', 'Deactivated agency'],
  'registry.imported': ['Nhập danh mục từ Excel', 'Imported registry'],
  'setting.updated': ['Sửa cấu hình', 'Changed a setting'],
  'calendar.year_updated': ['Sửa lịch nghỉ của năm', 'Edited a year calendar'],
  'demo.seeded': ['Nạp dữ liệu mẫu', 'Loaded demo data'],
  'document.registered': ['Vào sổ văn bản', 'Registered a document'],
  'plan.created': ['Tạo kế hoạch', 'Created plan'],
  'plan.updated': ['Sửa kế hoạch', 'Updated plan'],
  'plan.submitted': ['Trình ký kế hoạch', 'Submitted plan'],
  'plan.returned': ['Trả lại kế hoạch', 'Returned plan'],
  'plan.issued': ['Ban hành kế hoạch', 'Issued plan'],
  'plan.started': ['Bắt đầu thực hiện kế hoạch', 'Started plan'],
  'plan.closed': ['Kết thúc kế hoạch', 'Closed plan'],
  'plan.superseded': ['Kế hoạch được thay thế', 'Plan superseded'],
  'plan.amendment_created': ['Tạo bản sửa đổi kế hoạch', 'Created plan amendment'],
  'team.created': ['Tạo đoàn kiểm tra', 'Created team'],
  'team.updated': ['Sửa đoàn kiểm tra', 'Updated team'],
  'team.members_replaced': ['Cập nhật thành viên đoàn', 'Updated team members'],
  'team.founded': ['Thành lập đoàn kiểm tra', 'Founded team'],
  'user.notification_preferences_updated': ['Đổi cài đặt thông báo', 'Changed notification settings'],
  'inspection.created': ['Lên lịch cuộc kiểm tra', 'Scheduled an inspection'],
  'inspection.updated': ['Sửa cuộc kiểm tra', 'Updated an inspection'],
  'inspection.started': ['Bắt đầu kiểm tra', 'Started an inspection'],
  'inspection.closed': ['Kết thúc cuộc kiểm tra', 'Closed an inspection'],
  'inspection.cancelled': ['Hủy cuộc kiểm tra', 'Cancelled an inspection'],
  'inspection.rescheduled': ['Đổi lịch kiểm tra', 'Rescheduled an inspection'],
  'inspection.notified': ['Đã thông báo lịch kiểm tra', 'Inspection notified'],
  'notice.created': ['Soạn thông báo lịch kiểm tra', 'Drafted a schedule notice'],
  'notice.updated': ['Sửa thông báo lịch kiểm tra', 'Updated a schedule notice'],
  'notice.issued': ['Ban hành thông báo lịch kiểm tra', 'Issued a schedule notice'],
  'job.retried': ['Chạy lại công việc nền', 'Retried a background job'],
  'document.frozen': ['Lưu bản văn bản đã ban hành', 'Froze an issued document'],
  'file.attached': ['Đính kèm tệp', 'Attached a file'],
  'file.detached': ['Gỡ tệp đính kèm', 'Removed an attachment'],
};

const entityLabels: Record<AuditEntityType, [vi: string, en: string]> = {
  unit: ['Đơn vị hành chính', 'Unit'],
  agency: ['Cơ quan', 'Agency'],
  user: ['Người dùng', 'User'],
  setting: ['Cấu hình', 'Setting'],
  calendar_year: ['Lịch năm', 'Calendar year'],
  registry: ['Danh mục', 'Registry'],
  system: ['Hệ thống', 'System'],
  inspection_plan: ['Kế hoạch kiểm tra', 'Inspection plan'],
  inspection_team: ['Đoàn kiểm tra', 'Inspection team'],
  document_register_entry: ['Sổ văn bản', 'Document register'],
  issued_document: ['Văn bản đã ban hành', 'Issued document'],
  file_attachment: ['Tệp đính kèm', 'Attachment'],
  inspection: ['Cuộc kiểm tra', 'Inspection'],
  inspection_notice: ['Thông báo lịch kiểm tra', 'Schedule notice'],
};

const pick = (pair: [string, string] | undefined, language: Language, fallback: string) => (pair ? pair[language === 'en' ? 1 : 0] : fallback);

export const auditActionLabel = (action: string, language: Language) => pick(actionLabels[action as AuditAction], language, action);
export const auditEntityLabel = (type: string, language: Language) => pick(entityLabels[type as AuditEntityType], language, type);
