import { and, eq, inArray } from 'drizzle-orm';
import { templateBody, type TemplateBody } from '../../../shared/api/reports.schemas.js';
import type { Tx } from '../../db/client.js';
import { reportPeriodRule, reportTemplate } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit, type SystemContext } from '../audit/audit-log.js';

/**
 * The templates every People's Committee starts with (issue 9 §1): the periodic CCHC report
 * (reference §3.2: the outline mirroring the reform areas and the data tables), the pre-visit
 * report outline (§4.2 d, with the annex of tasks assigned by the committee or its Chairman) and
 * the self-inspection results outline. They are installed published, owned by the committee, when
 * its standing body is first named and in the demo; the office edits them as new revisions.
 */

const areas: [key: string, heading: string][] = [
  ['institutions', 'Cải cách thể chế'],
  ['procedures', 'Cải cách thủ tục hành chính'],
  ['apparatus', 'Cải cách tổ chức bộ máy hành chính nhà nước'],
  ['civil_service', 'Cải cách chế độ công vụ'],
  ['public_finance', 'Cải cách tài chính công'],
  ['digital_government', 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số'],
];

const section = (key: string, heading: string, guidance = '', answer = true) => ({ type: 'section' as const, key, heading, guidance, answer });

/** Biểu: dossiers of administrative procedures by field (the figures the compile sums). */
const dossiersTable = (title: string) => ({
  type: 'table' as const,
  key: 'dossiers',
  title,
  guidance: 'Số liệu trong kỳ báo cáo, theo lĩnh vực. Tỷ lệ đúng hạn = số hồ sơ giải quyết đúng hạn / số hồ sơ đã giải quyết.',
  columns: [
    { key: 'received', label: 'Hồ sơ tiếp nhận', type: 'integer' as const, total: true },
    { key: 'online', label: 'Trong đó: trực tuyến', type: 'integer' as const, total: true },
    { key: 'on_time', label: 'Giải quyết đúng hạn', type: 'integer' as const, total: true },
    { key: 'late', label: 'Giải quyết quá hạn', type: 'integer' as const, total: true },
    { key: 'apologies', label: 'Thư xin lỗi', type: 'integer' as const, total: true },
    // Defined by the guidance: đúng hạn / đã giải quyết (đúng hạn + quá hạn), so a total recomputes it.
    { key: 'on_time_rate', label: 'Tỷ lệ đúng hạn', type: 'percent' as const, total: false, ratio: { numerator: ['on_time'], denominator: ['on_time', 'late'] } },
  ],
  fixedRows: [
    { key: 'land', label: 'Đất đai' },
    { key: 'civil_status', label: 'Hộ tịch' },
    { key: 'certification', label: 'Chứng thực' },
    { key: 'social', label: 'Lao động – Thương binh và Xã hội' },
    { key: 'other', label: 'Lĩnh vực khác' },
  ],
  maxRows: 200,
  // Online dossiers are some of those received; those settled on time and late, too; an apology letter is written for a late one.
  checks: [
    { across: 'columns' as const, parts: ['online'], whole: 'received' },
    { across: 'columns' as const, parts: ['on_time', 'late'], whole: 'received' },
    { across: 'columns' as const, parts: ['apologies'], whole: 'late' },
  ],
});

/** Periodic CCHC report (quarter, 6 months, year): outline of §3.2 and its data tables. */
export function periodicReportBody(): TemplateBody {
  return templateBody.parse({
    items: [
      section('directing', 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'Ban hành và thực hiện kế hoạch CCHC; mức độ hoàn thành nhiệm vụ; công tác tuyên truyền; kiểm tra CCHC; sáng kiến, mô hình mới.'),
      section('results', 'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH', '', false),
      ...areas.map(([key, heading], i) => section(key, `${i + 1}. ${heading}`, 'Kết quả đạt được trong kỳ, số liệu cụ thể (ghi tại biểu kèm theo).')),
      section('assessment', 'III. ĐÁNH GIÁ CHUNG', 'Ưu điểm; tồn tại, hạn chế và nguyên nhân.'),
      section('next_tasks', 'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI'),
      section('proposals', 'V. ĐỀ XUẤT, KIẾN NGHỊ', 'Nếu không có, ghi "Không".'),
      {
        type: 'table',
        key: 'plan_tasks',
        title: 'Biểu 1. Công tác chỉ đạo, điều hành và kiểm tra cải cách hành chính',
        guidance: '',
        columns: [
          { key: 'planned', label: 'Kế hoạch', type: 'integer', total: true },
          { key: 'done', label: 'Đã thực hiện', type: 'integer', total: true },
          { key: 'note', label: 'Ghi chú', type: 'text', total: false },
        ],
        fixedRows: [
          { key: 'plan_tasks', label: 'Nhiệm vụ trong Kế hoạch CCHC năm' },
          { key: 'inspected_units', label: 'Cơ quan, đơn vị được kiểm tra CCHC' },
          { key: 'issues_found', label: 'Tồn tại phát hiện qua kiểm tra' },
          { key: 'issues_fixed', label: 'Tồn tại đã khắc phục' },
          { key: 'communication', label: 'Hoạt động tuyên truyền CCHC' },
        ],
        // Tasks, units, issues and activities are not one measure: each row is summed over the units, never the rows together.
        totalRow: false,
        checks: [{ across: 'rows', parts: ['issues_fixed'], whole: 'issues_found' }],
      },
      {
        type: 'table',
        // Not `procedures`: that is the section "Cải cách thủ tục hành chính" (item keys are unique).
        key: 'procedure_counts',
        title: 'Biểu 2. Thủ tục hành chính',
        guidance: '',
        columns: [
          { key: 'count', label: 'Số lượng', type: 'integer', total: true },
          { key: 'note', label: 'Ghi chú', type: 'text', total: false },
        ],
        fixedRows: [
          { key: 'published', label: 'TTHC được công bố, công khai' },
          { key: 'reviewed', label: 'TTHC được rà soát' },
          { key: 'simplified', label: 'TTHC được đề xuất đơn giản hóa' },
        ],
        // Reviewed and simplified procedures are some of those published: adding the rows counts them twice.
        totalRow: false,
        checks: [{ across: 'rows', parts: ['simplified'], whole: 'reviewed' }],
      },
      dossiersTable('Biểu 3. Tiếp nhận và giải quyết hồ sơ thủ tục hành chính'),
      {
        type: 'table',
        key: 'online_services',
        title: 'Biểu 4. Dịch vụ công trực tuyến',
        guidance: '',
        columns: [
          { key: 'services', label: 'Số dịch vụ', type: 'integer', total: true },
          { key: 'with_dossiers', label: 'Có phát sinh hồ sơ', type: 'integer', total: true },
          { key: 'online_dossiers', label: 'Hồ sơ trực tuyến', type: 'integer', total: true },
        ],
        fixedRows: [
          { key: 'partial', label: 'Một phần (mức độ 3)' },
          { key: 'full', label: 'Toàn trình (mức độ 4)' },
        ],
        checks: [{ across: 'columns', parts: ['with_dossiers'], whole: 'services' }],
      },
      {
        type: 'table',
        key: 'staff',
        title: 'Biểu 5. Tổ chức bộ máy, biên chế',
        guidance: '',
        columns: [
          { key: 'assigned', label: 'Được giao', type: 'integer', total: true },
          { key: 'present', label: 'Hiện có', type: 'integer', total: true },
          { key: 'reduced', label: 'Tinh giản trong kỳ', type: 'integer', total: true },
        ],
        checks: [{ across: 'columns', parts: ['present'], whole: 'assigned' }],
        fixedRows: [
          { key: 'civil_servants', label: 'Cán bộ, công chức' },
          { key: 'public_employees', label: 'Viên chức' },
          { key: 'contracts', label: 'Hợp đồng lao động' },
        ],
      },
      {
        type: 'table',
        key: 'finance_egov',
        title: 'Biểu 6. Tài chính công, chính quyền điện tử',
        guidance: 'Tỷ lệ ghi theo phần trăm (0–100).',
        // One column per figure, each of its own type (a count, two percentages, yes/no), so a compilation sums, averages or counts each as it should.
        columns: [
          { key: 'autonomous_units', label: 'Đơn vị sự nghiệp được giao tự chủ', type: 'integer', total: true },
          { key: 'e_documents', label: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử (%)', type: 'percent', total: false },
          { key: 'digital_signature', label: 'Tỷ lệ văn bản đi được ký số (%)', type: 'percent', total: false },
          { key: 'iso', label: 'Áp dụng hệ thống quản lý chất lượng ISO 9001', type: 'boolean', total: false },
          { key: 'note', label: 'Ghi chú', type: 'text', total: false },
        ],
        fixedRows: [{ key: 'period', label: 'Số liệu trong kỳ báo cáo' }],
        totalRow: false,
      },
    ],
    attachments: [{ label: 'Báo cáo có chữ ký, đóng dấu (bản chụp hoặc ký số)', required: false }],
  });
}

/** Pre-visit report outline (§4.2 d): sent at least 3 working days before an announced visit. */
export function preVisitReportBody(): TemplateBody {
  return templateBody.parse({
    items: [
      section('context', 'I. ĐẶC ĐIỂM TÌNH HÌNH', 'Khái quát đặc điểm của cơ quan, đơn vị; thuận lợi, khó khăn trong thực hiện CCHC.'),
      section('results', 'II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH', '', false),
      section('directing', '1. Công tác chỉ đạo, điều hành', 'Kế hoạch CCHC, tuyên truyền, tự kiểm tra.'),
      ...areas.map(([key, heading], i) => section(key, `${i + 2}. ${heading}`)),
      section('assigned_tasks_result', 'III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ DO UBND, CHỦ TỊCH UBND GIAO', 'Tổng hợp tại Phụ lục 1: nhiệm vụ, văn bản giao, thời hạn, tình trạng (đúng hạn / trễ hạn / chưa thực hiện).'),
      section('index_measures', 'IV. BIỆN PHÁP KHẮC PHỤC CÁC TIÊU CHÍ CHỈ SỐ CCHC, SIPAS CHƯA ĐẠT', 'Các tiêu chí, tiêu chí thành phần bị trừ điểm năm trước và biện pháp đã thực hiện.'),
      section('shortcomings', 'V. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN'),
      section('proposals', 'VI. PHƯƠNG HƯỚNG, KIẾN NGHỊ'),
      {
        type: 'table',
        key: 'assigned_tasks',
        title: 'Phụ lục 1. Kết quả thực hiện nhiệm vụ do UBND, Chủ tịch UBND giao',
        guidance: 'Tình trạng: đúng hạn, trễ hạn hoặc chưa thực hiện.',
        columns: [
          { key: 'task', label: 'Nhiệm vụ được giao', type: 'text', total: false },
          { key: 'source', label: 'Văn bản giao', type: 'text', total: false },
          { key: 'deadline', label: 'Thời hạn', type: 'date', total: false },
          { key: 'status', label: 'Tình trạng', type: 'text', total: false },
        ],
        fixedRows: null,
        maxRows: 200,
      },
      dossiersTable('Phụ lục 2. Số liệu tiếp nhận và giải quyết hồ sơ thủ tục hành chính'),
    ],
    attachments: [{ label: 'Tài liệu kiểm chứng (nếu có)', required: false }],
  });
}

/** Self-inspection results (M16): what the unit found checking itself, by area. */
export function selfInspectionReportBody(): TemplateBody {
  return templateBody.parse({
    items: [
      section('organisation', 'I. CÔNG TÁC TỔ CHỨC TỰ KIỂM TRA', 'Kế hoạch tự kiểm tra (số, ngày); thành phần; hình thức; thời gian; bộ phận được kiểm tra.'),
      section('results', 'II. KẾT QUẢ TỰ KIỂM TRA', 'Kết quả theo từng nội dung cải cách hành chính; tổng hợp tại biểu kèm theo.'),
      section('shortcomings', 'III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN'),
      section('remedies', 'IV. BIỆN PHÁP KHẮC PHỤC, KIẾN NGHỊ'),
      {
        type: 'table',
        key: 'findings',
        title: 'Biểu tổng hợp kết quả tự kiểm tra',
        guidance: '',
        columns: [
          { key: 'checked', label: 'Nội dung đã kiểm tra', type: 'integer', total: true },
          { key: 'issues', label: 'Tồn tại phát hiện', type: 'integer', total: true },
          { key: 'fixed', label: 'Đã khắc phục', type: 'integer', total: true },
          { key: 'note', label: 'Ghi chú', type: 'text', total: false },
        ],
        checks: [{ across: 'columns', parts: ['fixed'], whole: 'issues' }],
        fixedRows: [{ key: 'directing', label: 'Công tác chỉ đạo, điều hành' }, ...areas.map(([key, label]) => ({ key, label }))],
      },
    ],
    attachments: [{ label: 'Kế hoạch tự kiểm tra của đơn vị', required: false }],
  });
}

export interface StandardTemplate {
  code: string;
  name: string;
  kind: 'periodic' | 'pre_visit' | 'self_inspection';
  body: () => TemplateBody;
}
export const standardTemplates: StandardTemplate[] = [
  { code: 'cchc_periodic', name: 'Báo cáo tình hình, kết quả thực hiện công tác cải cách hành chính (định kỳ)', kind: 'periodic', body: periodicReportBody },
  { code: 'pre_visit', name: 'Đề cương báo cáo phục vụ kiểm tra công tác cải cách hành chính', kind: 'pre_visit', body: preVisitReportBody },
  { code: 'self_inspection', name: 'Báo cáo kết quả tự kiểm tra công tác cải cách hành chính', kind: 'self_inspection', body: selfInspectionReportBody },
];
/** The code of the pre-visit outline a notice's requests use (the owner's latest published revision). */
export const PRE_VISIT_TEMPLATE_CODE = 'pre_visit';

/**
 * The periods of reference §3.2 as a town starts with them (Q1, Q2, 6 months, Q3, year; due the
 * 20th of the period's last month). Q2 is the town's own (15/3–14/6): the province's regime asks 6
 * months. Data, edited by the office afterwards.
 */
export const standardPeriodRules = [
  { code: 'Q1', name: 'Báo cáo CCHC quý I', fromMonth: 12, fromDay: 15, fromYearOffset: -1, toMonth: 3, toDay: 14, dueMonth: 3, dueDay: 20 },
  { code: 'Q2', name: 'Báo cáo CCHC quý II', fromMonth: 3, fromDay: 15, fromYearOffset: 0, toMonth: 6, toDay: 14, dueMonth: 6, dueDay: 20 },
  { code: 'H1', name: 'Báo cáo CCHC 6 tháng đầu năm', fromMonth: 12, fromDay: 15, fromYearOffset: -1, toMonth: 6, toDay: 14, dueMonth: 6, dueDay: 20 },
  { code: 'Q3', name: 'Báo cáo CCHC quý III', fromMonth: 6, fromDay: 15, fromYearOffset: 0, toMonth: 9, toDay: 14, dueMonth: 9, dueDay: 20 },
  { code: 'Y', name: 'Báo cáo CCHC năm', fromMonth: 12, fromDay: 15, fromYearOffset: -1, toMonth: 12, toDay: 14, dueMonth: 12, dueDay: 20 },
] as const;

/**
 * Installs the standard templates of an owner agency (published) and, when agencies to ask are
 * given, its periodic rules; skips a code it has already. Returns the template ids by code.
 */
export async function installStandardTemplates(
  tx: Tx,
  ctx: RequestContext | SystemContext,
  owner: { agencyId: string; place: { unitPath: string; agencyPath: string } },
  opts: { publishedAt?: Date; targetAgencyIds?: string[] } = {},
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const existing = await tx
    .select({ id: reportTemplate.id, code: reportTemplate.code })
    .from(reportTemplate)
    .where(and(eq(reportTemplate.ownerAgencyId, owner.agencyId), inArray(reportTemplate.code, standardTemplates.map((t) => t.code))));
  for (const e of existing) ids.set(e.code, e.id);
  for (const t of standardTemplates) {
    if (ids.has(t.code)) continue;
    const [row] = await tx
      .insert(reportTemplate)
      .values({ ownerAgencyId: owner.agencyId, code: t.code, revision: 1, name: t.name, kind: t.kind, year: null, status: 'published', body: t.body(), publishedAt: opts.publishedAt ?? new Date() })
      .returning();
    ids.set(t.code, row.id);
    await recordAudit(tx, ctx, { action: 'report_template.created', entityType: 'report_template', entityId: row.id, scope: { places: [owner.place] }, after: { code: row.code, name: row.name, kind: row.kind, status: row.status, standard: true } });
  }
  if (opts.targetAgencyIds?.length) {
    const rules = await tx
      .insert(reportPeriodRule)
      .values(standardPeriodRules.map((r) => ({ ...r, ownerAgencyId: owner.agencyId, templateCode: 'cchc_periodic', opensDaysBeforeDue: 15, remindWorkingDays: 2, escalateAfterWorkingDays: 3, targetAgencyIds: opts.targetAgencyIds, active: true })))
      .onConflictDoNothing()
      .returning();
    for (const row of rules) await recordAudit(tx, ctx, { action: 'report_period_rule.created', entityType: 'report_period_rule', entityId: row.id, scope: { places: [owner.place] }, after: row });
  }
  return ids;
}
