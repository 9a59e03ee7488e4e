import { expect } from 'vitest';
import type { ReportRequest, ReportTemplate, TemplateBody } from '../../../shared/api/reports.schemas.js';
import type { Client } from '../../test/harness.js';
import { uniq } from '../../test/harness.js';

/** A small template: two sections, a fixed table with totals and a check (on time ≤ received), an open table, one required attachment. */
export function sampleBody(): TemplateBody {
  return {
    items: [
      { type: 'section', key: 'context', heading: 'I. Đặc điểm tình hình', guidance: 'Nêu ngắn gọn.', answer: true },
      { type: 'section', key: 'results', heading: 'II. Kết quả thực hiện', guidance: '', answer: true },
      {
        type: 'table',
        key: 'dossiers',
        title: 'Biểu 1. Hồ sơ thủ tục hành chính',
        guidance: '',
        columns: [
          { key: 'received', label: 'Tiếp nhận', type: 'integer', total: true },
          { key: 'on_time', label: 'Giải quyết đúng hạn', type: 'integer', total: true },
          { key: 'rate', label: 'Tỷ lệ đúng hạn', type: 'percent', total: false },
        ],
        fixedRows: [
          { key: 'land', label: 'Lĩnh vực đất đai' },
          { key: 'civil', label: 'Lĩnh vực hộ tịch' },
        ],
        maxRows: 200,
        checks: [{ across: 'columns', parts: ['on_time'], whole: 'received' }],
      },
      {
        type: 'table',
        key: 'tasks',
        title: 'Phụ lục. Nhiệm vụ được giao',
        guidance: '',
        columns: [
          { key: 'task', label: 'Nhiệm vụ', type: 'text', total: false },
          { key: 'deadline', label: 'Thời hạn', type: 'date', total: false },
          { key: 'done', label: 'Hoàn thành', type: 'boolean', total: false },
        ],
        fixedRows: null,
        maxRows: 50,
      },
    ],
    attachments: [{ label: 'Kế hoạch CCHC năm của đơn vị', required: true }],
  };
}

/** A published template of the owner agency. */
export async function publishedTemplate(sec: Client, ownerAgencyId: string, body: TemplateBody = sampleBody(), kind = 'other'): Promise<ReportTemplate> {
  const created = await sec.post('/api/report-templates', { ownerAgencyId, code: `t_${uniq()}`, name: 'Báo cáo thử', kind, year: 2021, body });
  expect(created.statusCode, created.body).toBe(201);
  const t: ReportTemplate = created.json();
  const published = await sec.post(`/api/report-templates/${t.id}/publish`, { version: t.version });
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}

/** An ad hoc request of the town committee to wards A and B, issued (the units' reports not started). */
export async function issuedRequest(sec: Client, ownerAgencyId: string, templateId: string, targetAgencyIds: string[], title = 'Báo cáo kết quả thực hiện nhiệm vụ CCHC 6 tháng đầu năm 2021'): Promise<ReportRequest> {
  const draft = await sec.post('/api/report-requests', { kind: 'ad_hoc', ownerAgencyId, templateId, title, dueOn: '2021-06-18', targetAgencyIds });
  expect(draft.statusCode, draft.body).toBe(201);
  const r: ReportRequest = draft.json();
  const issued = await sec.post(`/api/report-requests/${r.id}/issue`, { version: r.version, issuedOn: '2021-06-01', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ', signerName: 'Nguyễn Văn Hùng' } });
  expect(issued.statusCode, issued.body).toBe(200);
  return issued.json();
}
