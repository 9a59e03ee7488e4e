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
  /** Anything else worth telling a person (an announcement by an admin, a system message). */
  general: { title: string; message: string };
}

export type NotificationKind = keyof NotificationParams;

export const notificationKinds = ['plan.submitted', 'plan.approved', 'plan.returned', 'team.decision_issued', 'general'] as const satisfies readonly NotificationKind[];

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
