/** Messages of the follow-up pages (issue 10 §4–7), spread into messages.vi.ts / messages.en.ts. */
export const followupVi = {
  'minutes.title': 'Biên bản kiểm tra',
  'minutes.none': 'Chưa lập biên bản.',
  'minutes.draft': 'Lập biên bản từ phiếu kiểm tra và phát hiện',
  'minutes.finalize': 'Hoàn thành, vào số biên bản',
  'minutes.status.draft': 'Dự thảo',
  'minutes.status.final': 'Đã ký',
  'minutes.number': 'Số: {number}',
  'minutes.heldOn': 'Ngày kiểm tra: {date}',
  'minutes.docx': 'Tải biên bản (.docx)',
  'minutes.pdf': 'Tải biên bản (PDF)',
  'minutes.signedScans': 'Bản scan đã ký: {count}',
} as const;

export const followupEn: Record<keyof typeof followupVi, string> = {
  'minutes.title': 'Inspection minutes',
  'minutes.none': 'No minutes yet.',
  'minutes.draft': 'Draft the minutes from the checklists and findings',
  'minutes.finalize': 'Finalise and number the minutes',
  'minutes.status.draft': 'Draft',
  'minutes.status.final': 'Signed',
  'minutes.number': 'No. {number}',
  'minutes.heldOn': 'Inspected on {date}',
  'minutes.docx': 'Download the minutes (.docx)',
  'minutes.pdf': 'Download the minutes (PDF)',
  'minutes.signedScans': 'Signed scans: {count}',
};
