/**
 * The typed catalogue of notifications: every kind the application sends, what each carries
 * (its params) and how it reads in Vietnamese and English. Pure, so the server renders e-mails
 * and the web app renders the in-app list from the same templates, in the reader's language.
 *
 * A notification stores its kind and params, never prose: the bell shows it in the language the
 * reader has now; an e-mail is rendered once, in the recipient's language preference, when the
 * notification is created (it is a message that has been sent, like a letter).
 */

export const notificationLanguages = ['vi', 'en'] as const;
export type NotificationLanguage = (typeof notificationLanguages)[number];

/** dd/mm/yyyy from an ISO date (yyyy-mm-dd); anything else as given. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The params of each kind. Keep them small: ids live in the record link, text is for reading. */
export interface NotificationParams {
  /** A secretariat submitted a plan for approval: to the leaders who may issue it. */
  'plan.submitted': { planTitle: string; year: number; actorName: string };
  /** The leader approved (issued) the plan: to its drafters. */
  'plan.approved': { planTitle: string; year: number; actorName: string; documentNumber: string; issuedOn: string };
  /** The leader returned the plan for changes: to its drafters. */
  'plan.returned': { planTitle: string; year: number; actorName: string; reason: string | null };
  /** The Chairman's decision founding a team was issued: to its members who have accounts. */
  'team.decision_issued': { teamName: string; planTitle: string; documentNumber: string; issuedOn: string; role: string | null };
  /** A schedule notice was issued: to the officers of each inspected agency, and the team. */
  'inspection.notice_issued': { agencyName: string; documentNumber: string; issuedOn: string; startsOn: string; startTime: string | null; reportDueOn: string | null };
  /** The unit's report is due in two working days, today, or was due on the last working day: to the unit and the office. */
  'inspection.report_due': { agencyName: string; reportDueOn: string; startsOn: string; when: 'soon' | 'today' | 'overdue' };
  /**
   * The visit is on the next working day, told on the last working day before it: to the members of
   * the team. `tomorrow` false: not the next calendar day (a Monday visit told on the Friday).
   */
  'inspection.visit_tomorrow': { agencyName: string; startsOn: string; startTime: string | null; teamName: string; unannounced: boolean; tomorrow?: boolean };
  /** The team has started the inspection (an unannounced visit: only now does the unit learn of it). */
  'inspection.started': { agencyName: string; teamName: string; unannounced: boolean };
  /** The visit was moved or cancelled: to everyone concerned. */
  'inspection.schedule_changed': { agencyName: string; startsOn: string; previousStartsOn: string; cancelled: boolean; reason: string };
  /** A conclusion notice was issued: to the inspected unit's officers and those of each agency responsible for an action. */
  'conclusion.issued': { agencyName: string; documentNumber: string; issuedOn: string; actionCount: number };
  /** A unit reported a corrective action done: to the standing office that reviews it. */
  'action.reported': { agencyName: string; action: string; actorName: string };
  /** The office accepted or returned a unit's report: to the responsible unit's officers. */
  'action.reviewed': { agencyName: string; action: string; accepted: boolean; note: string | null };
  /** A corrective action is due in three working days, or overdue: to the unit and the office. */
  'action.due': { agencyName: string; action: string; dueOn: string; when: 'soon' | 'overdue' };
  /** A report is asked of the unit (a periodic, ad hoc or pre-visit request): to the unit's officers. */
  'report.requested': { title: string; ownerName: string; dueOn: string; documentNumber: string | null };
  /** A pre-visit request follows its visit: a new due day because the visit moved (a cancelled visit withdraws it: report.withdrawn). To the unit's officers. */
  'report.request_changed': { title: string; dueOn: string; previousDueOn: string; reason: string | null };
  /** The unit's report is due in some working days, today, or overdue: to the unit's officers. */
  'report.due': { title: string; agencyName: string; dueOn: string; when: 'soon' | 'today' | 'overdue'; workingDays: number };
  /** The report is overdue by the configured working days: to the unit's leader. */
  'report.escalated': { title: string; agencyName: string; dueOn: string; workingDaysLate: number };
  /** A unit submitted its report: to the office that asked. */
  'report.submitted': { title: string; agencyName: string; late: boolean };
  /** The office returned the report with reasons: to the unit's officers. */
  'report.returned': { title: string; reason: string };
  /** The office accepted the report: to the unit's officers. */
  'report.accepted': { title: string };
  /** The office extended the due day of a request already sent: to the officers of each unit asked. */
  'report.extended': { title: string; ownerName: string; previousDueOn: string; dueOn: string; reason: string; documentNumber: string | null };
  /** The office withdrew a request sent by mistake: to the officers of each unit asked. */
  'report.withdrawn': { title: string; ownerName: string; reason: string; documentNumber: string | null };
  /** A task was assigned to an agency (entered or imported by the office): to the owner's officers. */
  'assigned_task.assigned': { content: string; sourceNumber: string; deadline: string | null; role: 'owner' | 'co_owner' };
  /** An open task's deadline is near (working days) or has passed: to the owner's officers, and the office when overdue. */
  'assigned_task.deadline': { content: string; sourceNumber: string; ownerName: string; deadline: string; when: 'soon' | 'overdue'; workingDays: number };
  /** A unit recorded its self-inspection plan or its results: to the standing office. */
  'self_inspection.recorded': { agencyName: string; year: number; what: 'plan' | 'results' };
  /** A unit raised a difficulty: to the standing office. */
  'difficulty.raised': { agencyName: string; title: string; areaName: string };
  /** The office forwarded a difficulty to a leader: to that leader. */
  'difficulty.forwarded': { agencyName: string; title: string; note: string | null };
  /** The difficulty was answered: to the unit's officers. */
  'difficulty.answered': { title: string; answeredBy: string };
  /** Anything else worth telling a person (an announcement by an admin, a system message). */
  general: { title: string; message: string };
}

export type NotificationKind = keyof NotificationParams;

export const notificationKinds = [
  'plan.submitted',
  'plan.approved',
  'plan.returned',
  'team.decision_issued',
  'inspection.notice_issued',
  'inspection.report_due',
  'inspection.visit_tomorrow',
  'inspection.started',
  'inspection.schedule_changed',
  'conclusion.issued',
  'action.reported',
  'action.reviewed',
  'action.due',
  'report.requested',
  'report.request_changed',
  'report.due',
  'report.escalated',
  'report.submitted',
  'report.returned',
  'report.accepted',
  'report.extended',
  'report.withdrawn',
  'assigned_task.assigned',
  'assigned_task.deadline',
  'self_inspection.recorded',
  'difficulty.raised',
  'difficulty.forwarded',
  'difficulty.answered',
  'general',
] as const satisfies readonly NotificationKind[];

/** Both sides of the compile-time check: the list names every kind exactly. */
type Missing = Exclude<NotificationKind, (typeof notificationKinds)[number]>;
const _complete: Missing extends never ? true : never = true;
void _complete;

export interface RenderedText {
  /** One line: the bell's list and the e-mail's subject. */
  title: string;
  /** A few sentences: the e-mail's body and the list's detail. */
  body: string;
}

/** A long text cut for a one-line title. */
const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

type Template<K extends NotificationKind> = (p: NotificationParams[K]) => RenderedText;

/** Titles of the team roles as printed in the decision. */
const teamRoleTitle: Record<NotificationLanguage, Record<string, string>> = {
  vi: { truong_doan: 'Trưởng đoàn', pho_truong_doan: 'Phó Trưởng đoàn', thanh_vien: 'Thành viên', thu_ky: 'Thư ký' },
  en: { truong_doan: 'head of the team', pho_truong_doan: 'deputy head', thanh_vien: 'member', thu_ky: 'secretary' },
};

const templates: { [L in NotificationLanguage]: { [K in NotificationKind]: Template<K> } } = {
  vi: {
    'plan.submitted': (p) => ({
      title: `Kế hoạch kiểm tra năm ${p.year} chờ phê duyệt`,
      body: `${p.actorName} đã trình ký kế hoạch "${p.planTitle}". Đề nghị đồng chí xem xét, phê duyệt hoặc trả lại để chỉnh sửa.`,
    }),
    'plan.approved': (p) => ({
      title: `Kế hoạch kiểm tra năm ${p.year} đã được phê duyệt`,
      body: `${p.actorName} đã ký ban hành kế hoạch "${p.planTitle}" (số ${p.documentNumber}, ngày ${formatIsoDate(p.issuedOn)}).`,
    }),
    'plan.returned': (p) => ({
      title: `Kế hoạch kiểm tra năm ${p.year} bị trả lại`,
      body: `${p.actorName} đã trả lại kế hoạch "${p.planTitle}" để chỉnh sửa.${p.reason ? ` Lý do: ${p.reason}` : ''}`,
    }),
    'team.decision_issued': (p) => ({
      title: `Quyết định thành lập ${p.teamName}`,
      body:
        `Quyết định số ${p.documentNumber} ngày ${formatIsoDate(p.issuedOn)} thành lập ${p.teamName} theo kế hoạch "${p.planTitle}" đã được ban hành.` +
        (p.role ? ` Đồng chí là ${teamRoleTitle.vi[p.role] ?? p.role} của đoàn.` : ''),
    }),
    'inspection.notice_issued': (p) => ({
      title: `Thông báo lịch kiểm tra ${p.agencyName}`,
      body:
        `Thông báo số ${p.documentNumber} ngày ${formatIsoDate(p.issuedOn)}: Đoàn kiểm tra làm việc với ${p.agencyName} ngày ${formatIsoDate(p.startsOn)}${p.startTime ? ` lúc ${p.startTime}` : ''}.` +
        (p.reportDueOn ? ` Đơn vị gửi báo cáo chậm nhất ngày ${formatIsoDate(p.reportDueOn)}.` : ''),
    }),
    'inspection.report_due': (p) => ({
      title: p.when === 'overdue' ? `Quá hạn gửi báo cáo: ${p.agencyName}` : p.when === 'today' ? `Hôm nay là hạn gửi báo cáo: ${p.agencyName}` : `Còn 02 ngày làm việc đến hạn gửi báo cáo: ${p.agencyName}`,
      body: `${p.agencyName} gửi báo cáo phục vụ kiểm tra chậm nhất ngày ${formatIsoDate(p.reportDueOn)} (ngày kiểm tra ${formatIsoDate(p.startsOn)}).${p.when === 'overdue' ? ' Đến nay đã quá hạn.' : ''}`,
    }),
    'inspection.visit_tomorrow': (p) => ({
      title: p.tomorrow === false ? `Ngày ${formatIsoDate(p.startsOn)} kiểm tra ${p.agencyName}` : `Ngày mai kiểm tra ${p.agencyName}`,
      body: `${p.teamName} kiểm tra ${p.unannounced ? 'đột xuất ' : ''}${p.agencyName} ngày ${formatIsoDate(p.startsOn)}${p.startTime ? ` lúc ${p.startTime}` : ''}.`,
    }),
    'inspection.started': (p) => ({
      title: `${p.teamName} bắt đầu kiểm tra ${p.agencyName}`,
      body: `${p.teamName} đã bắt đầu kiểm tra ${p.unannounced ? 'đột xuất ' : ''}tại ${p.agencyName}.`,
    }),
    'inspection.schedule_changed': (p) => ({
      title: p.cancelled ? `Hủy lịch kiểm tra ${p.agencyName}` : `Đổi lịch kiểm tra ${p.agencyName}`,
      body: p.cancelled
        ? `Lịch kiểm tra ${p.agencyName} ngày ${formatIsoDate(p.previousStartsOn)} đã bị hủy. Lý do: ${p.reason}`
        : `Lịch kiểm tra ${p.agencyName} chuyển từ ngày ${formatIsoDate(p.previousStartsOn)} sang ngày ${formatIsoDate(p.startsOn)}. Lý do: ${p.reason}`,
    }),
    'conclusion.issued': (p) => ({
      title: `Thông báo kết luận kiểm tra ${p.agencyName}`,
      body: `Thông báo kết luận kiểm tra số ${p.documentNumber} ngày ${formatIsoDate(p.issuedOn)} đối với ${p.agencyName} đã được ban hành${p.actionCount ? `, với ${p.actionCount} yêu cầu khắc phục. Đề nghị đơn vị xây dựng kế hoạch khắc phục và báo cáo kết quả đúng thời hạn.` : '.'}`,
    }),
    'action.reported': (p) => ({
      title: `${p.agencyName} báo cáo hoàn thành khắc phục`,
      body: `${p.actorName} báo cáo đã hoàn thành yêu cầu khắc phục "${p.action}". Đề nghị xem xét minh chứng, chấp nhận hoặc trả lại.`,
    }),
    'action.reviewed': (p) => ({
      title: p.accepted ? `Kết quả khắc phục được chấp nhận: ${p.agencyName}` : `Kết quả khắc phục bị trả lại: ${p.agencyName}`,
      body: `Yêu cầu "${p.action}": ${p.accepted ? 'Phòng Nội vụ đã chấp nhận kết quả khắc phục.' : 'Phòng Nội vụ trả lại, đề nghị tiếp tục khắc phục.'}${p.note ? ` Ý kiến: ${p.note}` : ''}`,
    }),
    'action.due': (p) => ({
      title: p.when === 'overdue' ? `Quá hạn khắc phục: ${p.agencyName}` : `Sắp đến hạn khắc phục: ${p.agencyName}`,
      body: `Yêu cầu "${p.action}" có thời hạn hoàn thành ngày ${formatIsoDate(p.dueOn)}.${p.when === 'overdue' ? ' Đến nay đã quá hạn.' : ' Còn 03 ngày làm việc.'}`,
    }),
    'self_inspection.recorded': (p) => ({
      title: p.what === 'plan' ? `Kế hoạch tự kiểm tra năm ${p.year}: ${p.agencyName}` : `Kết quả tự kiểm tra năm ${p.year}: ${p.agencyName}`,
      body: p.what === 'plan' ? `${p.agencyName} đã cập nhật Kế hoạch tự kiểm tra CCHC năm ${p.year}.` : `${p.agencyName} đã báo cáo kết quả tự kiểm tra CCHC năm ${p.year}.`,
    }),
    'difficulty.raised': (p) => ({
      title: `Khó khăn, vướng mắc: ${short(p.title)}`,
      body: `${p.agencyName} phản ánh khó khăn, vướng mắc về ${p.areaName}: ${p.title}`,
    }),
    'difficulty.forwarded': (p) => ({
      title: `Đề nghị cho ý kiến: ${short(p.title)}`,
      body: `Phòng Nội vụ chuyển khó khăn, vướng mắc của ${p.agencyName} để lãnh đạo trả lời: ${p.title}${p.note ? ` (${p.note})` : ''}`,
    }),
    'difficulty.answered': (p) => ({
      title: `Đã trả lời: ${short(p.title)}`,
      body: `Khó khăn, vướng mắc "${p.title}" của đơn vị đã được ${p.answeredBy} trả lời.`,
    }),
    'assigned_task.assigned': (p) => ({
      title: `Nhiệm vụ được giao: ${short(p.content)}`,
      body: `Theo văn bản số ${p.sourceNumber}, cơ quan được giao ${p.role === 'owner' ? 'chủ trì' : 'phối hợp'} thực hiện nhiệm vụ: ${p.content}${p.deadline ? ` Thời hạn: ${formatIsoDate(p.deadline)}.` : ''}`,
    }),
    'assigned_task.deadline': (p) => ({
      title: p.when === 'overdue' ? `Nhiệm vụ quá hạn: ${short(p.content)}` : `Sắp đến hạn nhiệm vụ: ${short(p.content)}`,
      body:
        p.when === 'overdue'
          ? `Nhiệm vụ "${p.content}" (văn bản số ${p.sourceNumber}) do ${p.ownerName} chủ trì đã quá hạn ${p.workingDays} ngày làm việc (hạn ${formatIsoDate(p.deadline)}).`
          : `Nhiệm vụ "${p.content}" (văn bản số ${p.sourceNumber}) do ${p.ownerName} chủ trì đến hạn ngày ${formatIsoDate(p.deadline)}, còn ${p.workingDays} ngày làm việc.`,
    }),
    'report.requested': (p) => ({
      title: `Yêu cầu báo cáo: ${p.title}`,
      body: `${p.ownerName} đề nghị đơn vị gửi ${p.title}${p.documentNumber ? ` (Công văn số ${p.documentNumber})` : ''} chậm nhất ngày ${formatIsoDate(p.dueOn)}.`,
    }),
    'report.request_changed': (p) => ({
      title: `Đổi hạn gửi báo cáo: ${p.title}`,
      body: `Lịch kiểm tra thay đổi: hạn gửi ${p.title} chuyển từ ngày ${formatIsoDate(p.previousDueOn)} sang ngày ${formatIsoDate(p.dueOn)}.${p.reason ? ` Lý do: ${p.reason}` : ''}`,
    }),
    'report.due': (p) => ({
      title: p.when === 'overdue' ? `Quá hạn gửi báo cáo: ${p.title}` : p.when === 'today' ? `Hôm nay là hạn gửi báo cáo: ${p.title}` : `Còn ${String(p.workingDays).padStart(2, '0')} ngày làm việc đến hạn gửi báo cáo: ${p.title}`,
      body: `${p.agencyName} gửi ${p.title} chậm nhất ngày ${formatIsoDate(p.dueOn)}.${p.when === 'overdue' ? ' Đến nay đã quá hạn.' : ''}`,
    }),
    'report.escalated': (p) => ({
      title: `Báo cáo quá hạn ${p.workingDaysLate} ngày làm việc: ${p.agencyName}`,
      body: `${p.agencyName} chưa gửi ${p.title} (hạn ${formatIsoDate(p.dueOn)}), đã quá hạn ${p.workingDaysLate} ngày làm việc. Đề nghị đồng chí chỉ đạo hoàn thành.`,
    }),
    'report.submitted': (p) => ({
      title: `${p.agencyName} đã gửi báo cáo${p.late ? ' (muộn)' : ''}`,
      body: `${p.agencyName} đã gửi ${p.title}${p.late ? ', sau thời hạn' : ' đúng hạn'}. Đề nghị xem xét, tiếp nhận hoặc trả lại.`,
    }),
    'report.returned': (p) => ({ title: `Báo cáo bị trả lại: ${p.title}`, body: `Báo cáo của đơn vị bị trả lại để hoàn thiện. Lý do: ${p.reason}` }),
    'report.accepted': (p) => ({ title: `Báo cáo đã được tiếp nhận: ${p.title}`, body: `Báo cáo của đơn vị (${p.title}) đã được tiếp nhận.` }),
    'report.extended': (p) => ({
      title: `Gia hạn gửi báo cáo: ${p.title}`,
      body: `${p.ownerName} gia hạn thời hạn gửi ${p.title}${p.documentNumber ? ` (Công văn số ${p.documentNumber})` : ''} từ ngày ${formatIsoDate(p.previousDueOn)} đến ngày ${formatIsoDate(p.dueOn)}. Lý do: ${p.reason}`,
    }),
    'report.withdrawn': (p) => ({
      title: `Thu hồi yêu cầu báo cáo: ${p.title}`,
      body: `${p.ownerName} thu hồi yêu cầu ${p.title}${p.documentNumber ? ` (Công văn số ${p.documentNumber})` : ''}; đơn vị không phải gửi báo cáo này. Lý do: ${p.reason}`,
    }),
    general: (p) => ({ title: p.title, body: p.message }),
  },
  en: {
    'plan.submitted': (p) => ({
      title: `Inspection plan ${p.year} awaits your approval`,
      body: `${p.actorName} submitted the plan "${p.planTitle}" for approval. Please review it and approve it or return it for changes.`,
    }),
    'plan.approved': (p) => ({
      title: `Inspection plan ${p.year} approved`,
      body: `${p.actorName} signed and issued the plan "${p.planTitle}" (No. ${p.documentNumber}, ${formatIsoDate(p.issuedOn)}).`,
    }),
    'plan.returned': (p) => ({
      title: `Inspection plan ${p.year} returned for changes`,
      body: `${p.actorName} returned the plan "${p.planTitle}" for changes.${p.reason ? ` Reason: ${p.reason}` : ''}`,
    }),
    'team.decision_issued': (p) => ({
      title: `Decision founding ${p.teamName}`,
      body:
        `Decision No. ${p.documentNumber} of ${formatIsoDate(p.issuedOn)} founding ${p.teamName} under the plan "${p.planTitle}" has been issued.` +
        (p.role ? ` You are the ${teamRoleTitle.en[p.role] ?? p.role} of the team.` : ''),
    }),
    'inspection.notice_issued': (p) => ({
      title: `Inspection schedule notice: ${p.agencyName}`,
      body:
        `Notice No. ${p.documentNumber} of ${formatIsoDate(p.issuedOn)}: the team visits ${p.agencyName} on ${formatIsoDate(p.startsOn)}${p.startTime ? ` at ${p.startTime}` : ''}.` +
        (p.reportDueOn ? ` The unit's report is due by ${formatIsoDate(p.reportDueOn)}.` : ''),
    }),
    'inspection.report_due': (p) => ({
      title: p.when === 'overdue' ? `Report overdue: ${p.agencyName}` : p.when === 'today' ? `Report due today: ${p.agencyName}` : `Report due in 2 working days: ${p.agencyName}`,
      body: `${p.agencyName} sends its report by ${formatIsoDate(p.reportDueOn)} (inspection on ${formatIsoDate(p.startsOn)}).${p.when === 'overdue' ? ' It is now overdue.' : ''}`,
    }),
    'inspection.visit_tomorrow': (p) => ({
      title: p.tomorrow === false ? `Inspection of ${p.agencyName} on ${formatIsoDate(p.startsOn)}` : `Inspection of ${p.agencyName} tomorrow`,
      body: `${p.teamName} inspects ${p.agencyName}${p.unannounced ? ' (unannounced)' : ''} on ${formatIsoDate(p.startsOn)}${p.startTime ? ` at ${p.startTime}` : ''}.`,
    }),
    'inspection.started': (p) => ({
      title: `${p.teamName} has started inspecting ${p.agencyName}`,
      body: `${p.teamName} has started ${p.unannounced ? 'an unannounced' : 'the'} inspection at ${p.agencyName}.`,
    }),
    'inspection.schedule_changed': (p) => ({
      title: p.cancelled ? `Inspection of ${p.agencyName} cancelled` : `Inspection of ${p.agencyName} rescheduled`,
      body: p.cancelled
        ? `The inspection of ${p.agencyName} on ${formatIsoDate(p.previousStartsOn)} was cancelled. Reason: ${p.reason}`
        : `The inspection of ${p.agencyName} moved from ${formatIsoDate(p.previousStartsOn)} to ${formatIsoDate(p.startsOn)}. Reason: ${p.reason}`,
    }),
    'conclusion.issued': (p) => ({
      title: `Inspection conclusion: ${p.agencyName}`,
      body: `Conclusion notice No. ${p.documentNumber} of ${formatIsoDate(p.issuedOn)} on ${p.agencyName} has been issued${p.actionCount ? `, with ${p.actionCount} corrective actions. Please plan the remediation and report the results on time.` : '.'}`,
    }),
    'action.reported': (p) => ({
      title: `${p.agencyName} reports a corrective action done`,
      body: `${p.actorName} reports the corrective action "${p.action}" done. Please review the evidence and accept or return it.`,
    }),
    'action.reviewed': (p) => ({
      title: p.accepted ? `Corrective action accepted: ${p.agencyName}` : `Corrective action returned: ${p.agencyName}`,
      body: `"${p.action}": ${p.accepted ? 'the standing office accepted the remediation.' : 'the standing office returned it; please continue the remediation.'}${p.note ? ` Comment: ${p.note}` : ''}`,
    }),
    'action.due': (p) => ({
      title: p.when === 'overdue' ? `Corrective action overdue: ${p.agencyName}` : `Corrective action due soon: ${p.agencyName}`,
      body: `"${p.action}" is due on ${formatIsoDate(p.dueOn)}.${p.when === 'overdue' ? ' It is now overdue.' : ' Three working days are left.'}`,
    }),
    'self_inspection.recorded': (p) => ({
      title: p.what === 'plan' ? `Self-inspection plan ${p.year}: ${p.agencyName}` : `Self-inspection results ${p.year}: ${p.agencyName}`,
      body: p.what === 'plan' ? `${p.agencyName} recorded its PAR self-inspection plan for ${p.year}.` : `${p.agencyName} reported the results of its PAR self-inspection of ${p.year}.`,
    }),
    'difficulty.raised': (p) => ({
      title: `Difficulty raised: ${short(p.title)}`,
      body: `${p.agencyName} raises a difficulty about ${p.areaName}: ${p.title}`,
    }),
    'difficulty.forwarded': (p) => ({
      title: `Your answer is asked: ${short(p.title)}`,
      body: `The standing office forwards a difficulty of ${p.agencyName} for a leader's answer: ${p.title}${p.note ? ` (${p.note})` : ''}`,
    }),
    'difficulty.answered': (p) => ({
      title: `Answered: ${short(p.title)}`,
      body: `The difficulty "${p.title}" raised by your unit was answered by ${p.answeredBy}.`,
    }),
    'assigned_task.assigned': (p) => ({
      title: `Task assigned: ${short(p.content)}`,
      body: `Under document No. ${p.sourceNumber}, your agency is assigned ${p.role === 'owner' ? 'to lead' : 'to support'} the task: ${p.content}${p.deadline ? ` Deadline: ${formatIsoDate(p.deadline)}.` : ''}`,
    }),
    'assigned_task.deadline': (p) => ({
      title: p.when === 'overdue' ? `Task overdue: ${short(p.content)}` : `Task due soon: ${short(p.content)}`,
      body:
        p.when === 'overdue'
          ? `The task "${p.content}" (document No. ${p.sourceNumber}) led by ${p.ownerName} is ${p.workingDays} working day(s) overdue (deadline ${formatIsoDate(p.deadline)}).`
          : `The task "${p.content}" (document No. ${p.sourceNumber}) led by ${p.ownerName} is due on ${formatIsoDate(p.deadline)}, in ${p.workingDays} working day(s).`,
    }),
    'report.requested': (p) => ({
      title: `Report requested: ${p.title}`,
      body: `${p.ownerName} asks your unit for ${p.title}${p.documentNumber ? ` (letter No. ${p.documentNumber})` : ''} by ${formatIsoDate(p.dueOn)}.`,
    }),
    'report.request_changed': (p) => ({
      title: `New due date: ${p.title}`,
      body: `The visit was moved: ${p.title} is now due on ${formatIsoDate(p.dueOn)} instead of ${formatIsoDate(p.previousDueOn)}.${p.reason ? ` Reason: ${p.reason}` : ''}`,
    }),
    'report.due': (p) => ({
      title: p.when === 'overdue' ? `Report overdue: ${p.title}` : p.when === 'today' ? `Report due today: ${p.title}` : `Report due in ${p.workingDays} working days: ${p.title}`,
      body: `${p.agencyName} sends ${p.title} by ${formatIsoDate(p.dueOn)}.${p.when === 'overdue' ? ' It is now overdue.' : ''}`,
    }),
    'report.escalated': (p) => ({
      title: `Report ${p.workingDaysLate} working days overdue: ${p.agencyName}`,
      body: `${p.agencyName} has not sent ${p.title} (due ${formatIsoDate(p.dueOn)}), ${p.workingDaysLate} working days late. Please see that it is done.`,
    }),
    'report.submitted': (p) => ({
      title: `${p.agencyName} submitted its report${p.late ? ' (late)' : ''}`,
      body: `${p.agencyName} submitted ${p.title}${p.late ? ' after the due date' : ' on time'}. Please review it: accept it or return it.`,
    }),
    'report.returned': (p) => ({ title: `Report returned: ${p.title}`, body: `Your unit's report was returned for changes. Reason: ${p.reason}` }),
    'report.accepted': (p) => ({ title: `Report accepted: ${p.title}`, body: `Your unit's report (${p.title}) was accepted.` }),
    'report.extended': (p) => ({
      title: `Report deadline extended: ${p.title}`,
      body: `${p.ownerName} extended the deadline of ${p.title}${p.documentNumber ? ` (letter No. ${p.documentNumber})` : ''} from ${formatIsoDate(p.previousDueOn)} to ${formatIsoDate(p.dueOn)}. Reason: ${p.reason}`,
    }),
    'report.withdrawn': (p) => ({
      title: `Report request withdrawn: ${p.title}`,
      body: `${p.ownerName} withdrew the request for ${p.title}${p.documentNumber ? ` (letter No. ${p.documentNumber})` : ''}; your unit need not send this report. Reason: ${p.reason}`,
    }),
    general: (p) => ({ title: p.title, body: p.message }),
  },
};

/** How a notification of this kind reads in this language. */
export function renderNotification<K extends NotificationKind>(kind: K, params: NotificationParams[K], language: NotificationLanguage): RenderedText {
  return (templates[language][kind] as Template<K>)(params);
}

/**
 * Renders a stored notification (kind and params from the database or the API). Params that no
 * longer fit the template (an old row) fall back to the kind's label rather than throwing.
 */
export function renderStoredNotification(kind: string, params: unknown, language: NotificationLanguage): RenderedText {
  if (!isNotificationKind(kind)) return { title: kind, body: '' };
  try {
    return renderNotification(kind, params as never, language);
  } catch {
    return { title: notificationKindLabel(kind, language), body: '' };
  }
}

export const isNotificationKind = (value: string): value is NotificationKind => (notificationKinds as readonly string[]).includes(value);

const kindLabels: Record<NotificationKind, Record<NotificationLanguage, string>> = {
  'plan.submitted': { vi: 'Kế hoạch được trình phê duyệt', en: 'A plan is submitted for approval' },
  'plan.approved': { vi: 'Kế hoạch được phê duyệt', en: 'A plan is approved' },
  'plan.returned': { vi: 'Kế hoạch bị trả lại', en: 'A plan is returned for changes' },
  'team.decision_issued': { vi: 'Quyết định thành lập đoàn kiểm tra', en: 'A team founding decision is issued' },
  'inspection.notice_issued': { vi: 'Thông báo lịch kiểm tra', en: 'An inspection schedule notice is issued' },
  'inspection.report_due': { vi: 'Nhắc hạn gửi báo cáo', en: 'Report deadline reminders' },
  'inspection.visit_tomorrow': { vi: 'Lịch kiểm tra ngày mai', en: 'Inspection tomorrow' },
  'inspection.started': { vi: 'Đoàn kiểm tra bắt đầu làm việc', en: 'An inspection has started' },
  'inspection.schedule_changed': { vi: 'Đổi, hủy lịch kiểm tra', en: 'An inspection is rescheduled or cancelled' },
  'conclusion.issued': { vi: 'Thông báo kết luận kiểm tra', en: 'An inspection conclusion is issued' },
  'action.reported': { vi: 'Đơn vị báo cáo kết quả khắc phục', en: 'A unit reports a corrective action done' },
  'action.reviewed': { vi: 'Kết quả xem xét báo cáo khắc phục', en: 'A corrective action report is reviewed' },
  'action.due': { vi: 'Nhắc hạn khắc phục', en: 'Corrective action deadlines' },
  'report.requested': { vi: 'Yêu cầu báo cáo', en: 'A report is requested' },
  'report.request_changed': { vi: 'Đổi hạn báo cáo theo lịch kiểm tra', en: 'A pre-visit report moves with its visit' },
  'report.due': { vi: 'Nhắc hạn, quá hạn báo cáo', en: 'Report due and overdue reminders' },
  'report.escalated': { vi: 'Báo cáo quá hạn của đơn vị', en: "A unit's report is long overdue" },
  'report.submitted': { vi: 'Đơn vị gửi báo cáo', en: 'A unit submits a report' },
  'report.returned': { vi: 'Báo cáo bị trả lại', en: 'A report is returned' },
  'report.accepted': { vi: 'Báo cáo được tiếp nhận', en: 'A report is accepted' },
  'report.extended': { vi: 'Gia hạn gửi báo cáo', en: 'A report deadline is extended' },
  'report.withdrawn': { vi: 'Thu hồi yêu cầu báo cáo', en: 'A report request is withdrawn' },
  'assigned_task.assigned': { vi: 'Nhiệm vụ được giao', en: 'A task is assigned' },
  'assigned_task.deadline': { vi: 'Nhắc hạn, quá hạn nhiệm vụ được giao', en: 'Assigned task deadlines' },
  'self_inspection.recorded': { vi: 'Đơn vị cập nhật tự kiểm tra', en: 'A unit records its self-inspection' },
  'difficulty.raised': { vi: 'Đơn vị phản ánh khó khăn, vướng mắc', en: 'A unit raises a difficulty' },
  'difficulty.forwarded': { vi: 'Khó khăn, vướng mắc chuyển lãnh đạo', en: 'A difficulty is forwarded to you' },
  'difficulty.answered': { vi: 'Khó khăn, vướng mắc được trả lời', en: 'A difficulty is answered' },
  general: { vi: 'Thông báo chung', en: 'General announcements' },
};

/** What a kind is called on the preferences screen. */
export const notificationKindLabel = (kind: NotificationKind, language: NotificationLanguage): string => kindLabels[kind][language];

/** E-mail is on for every kind until the user turns it off. */
export const EMAIL_ON_BY_DEFAULT = true;

/**
 * The e-mail's text: the notification's body, the link to the record (made at sending time from
 * the installation's public address) and why the reader got it.
 */
export function composeEmailText(language: NotificationLanguage, body: string, link: string | null): string {
  const footer =
    language === 'vi'
      ? `${link ? `Xem chi tiết: ${link}\n\n` : ''}--\nThư này được gửi tự động từ Hệ thống quản lý kiểm tra công tác cải cách hành chính. Đồng chí có thể tắt thư điện tử cho loại thông báo này trong trang Tài khoản.`
      : `${link ? `Open: ${link}\n\n` : ''}--\nThis message was sent automatically by the PAR inspection management system. You can turn off e-mail for this kind of notification on your Account page.`;
  return `${body}\n\n${footer}\n`;
}

/**
 * Why an e-mail was not delivered, as the admin page says it (the SMTP server's own words are
 * kept beside it): `unreachable` — no connection (retried); `temporary` — the server said try
 * later, a 4xx (retried); `rejected` — the server refused the message or the address for good, a
 * 5xx (not retried: the same message would be refused again); `auth` — the server refused
 * SMTP_URL's credentials (retried, so mail flows again once an operator fixes them); `no_address`
 * — the recipient has no e-mail address any more or is deactivated (not retried); `other`.
 */
export const mailErrorCodes = ['unreachable', 'temporary', 'rejected', 'auth', 'no_address', 'other'] as const;
export type MailErrorCode = (typeof mailErrorCodes)[number];

/** Whether a failure of this kind is worth another attempt. */
export const mailErrorRetried = (code: MailErrorCode): boolean => code !== 'rejected' && code !== 'no_address';

