import { expect } from 'vitest';
import type { ReportTemplate, TemplateBody } from '../../../shared/api/reports.schemas.js';
import type { Client } from '../../test/harness.js';
import { uniq } from '../../test/harness.js';

/** A small template: two sections, a fixed table with totals, an open table, one required attachment. */
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
