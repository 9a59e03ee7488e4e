import type { Submission } from '../../../../shared/api/reports.schemas.js';

/** A unit's report as the API sends it: one answered section and one fixed-row table with a total. */
export function submissionFixture(over: Partial<Submission> = {}): Submission {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    requestId: '22222222-2222-4222-8222-222222222222',
    requestTitle: 'Báo cáo CCHC quý II năm 2021',
    agencyId: '33333333-3333-4333-8333-333333333333',
    agencyName: 'UBND phường Bồng Sơn',
    status: 'not_started',
    displayStatus: 'not_started',
    late: null,
    submittedAt: null,
    returnReason: null,
    version: 1,
    request: { id: '22222222-2222-4222-8222-222222222222', title: 'Báo cáo kết quả giải quyết hồ sơ quý II', kind: 'ad_hoc', dueOn: '2021-06-25', dueExplanation: null, periodFrom: null, periodTo: null, ownerAgencyName: 'UBND thị xã Hoài Nhơn', status: 'open' },
    template: {
      id: '44444444-4444-4444-8444-444444444444',
      name: 'Đề cương báo cáo đột xuất',
      revision: 1,
      body: {
        items: [
          { type: 'section', key: 'ket_qua', heading: '1. Kết quả thực hiện', guidance: 'Nêu kết quả nổi bật.', answer: true },
          {
            type: 'table',
            key: 'ho_so',
            title: 'Biểu 1. Hồ sơ thủ tục hành chính',
            guidance: '',
            columns: [
              { key: 'nhan', label: 'Hồ sơ nhận', type: 'integer', total: true },
              { key: 'ty_le', label: 'Tỷ lệ đúng hạn', type: 'percent', total: false },
            ],
            fixedRows: [
              { key: 'dat_dai', label: 'Đất đai' },
              { key: 'tu_phap', label: 'Tư pháp' },
            ],
            maxRows: 200,
          },
        ],
        attachments: [],
      },
    },
    content: { answers: {}, tables: { ho_so: [{}, {}] } },
    updatedAt: '2021-06-20T02:00:00.000Z',
    updatedByName: null,
    history: [],
    allowedMoves: ['save', 'submit'],
    abilities: { edit: true, submit: true, review: false },
    ...over,
  };
}
