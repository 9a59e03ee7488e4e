/**
 * Checklists (bảng kiểm) and findings (phát hiện): the closed vocabularies both the server and the
 * web app use, and the standard templates the demo (and a new installation's office) starts from.
 */

export const checklistTemplateKinds = ['content', 'one_stop'] as const;
export type ChecklistTemplateKind = (typeof checklistTemplateKinds)[number];

export const answerTypes = ['rating', 'number', 'text'] as const;
export type AnswerType = (typeof answerTypes)[number];

/** The four answers of a rating item. */
export const ratings = ['met', 'partly_met', 'not_met', 'not_applicable'] as const;
export type Rating = (typeof ratings)[number];

export const findingKinds = ['good_practice', 'shortcoming', 'violation'] as const;
export type FindingKind = (typeof findingKinds)[number];

export const findingSeverities = ['minor', 'moderate', 'serious'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

export const evidenceKinds = ['photo', 'file', 'document'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** A group of a template: a content group (a, b, c of the plan's II.1) or a place visited. */
export interface ChecklistGroup {
  code: string;
  title: string;
  by: 'content' | 'place';
  /** The group lists the inspected agency's assigned tasks, one item each (group b). */
  assignedTasks: boolean;
}

export interface ChecklistTemplateItemInput {
  groupCode: string;
  code: string;
  text: string;
  guidance: string | null;
  answerType: AnswerType;
  evidenceRequired: boolean;
}

/** Whether an answer is given (a note alone is not an answer). */
export function isAnswered(item: { answerType: string; rating: string | null; numberValue: number | null; textValue: string | null }): boolean {
  switch (item.answerType as AnswerType) {
    case 'rating':
      return item.rating !== null;
    case 'number':
      return item.numberValue !== null;
    case 'text':
      return !!item.textValue;
  }
}

/**
 * Which saved answer an item shows when two devices saved it from the same version: the one typed
 * later (by the device's clock when it was typed), the server's on a tie. Both stay in its history.
 */
export function laterEdit(current: { editedAt: string | null }, incoming: { editedAt: string }): 'current' | 'incoming' {
  if (current.editedAt === null) return 'incoming';
  return Date.parse(incoming.editedAt) > Date.parse(current.editedAt) ? 'incoming' : 'current';
}

const item = (groupCode: string, code: string, text: string, guidance: string | null, answerType: AnswerType = 'rating', evidenceRequired = false): ChecklistTemplateItemInput => ({
  groupCode,
  code,
  text,
  guidance,
  answerType,
  evidenceRequired,
});

/** The plan's three content groups (Kế hoạch kiểm tra CCHC 2021, part II.1 a–c). */
export const standardContentTemplate = {
  code: 'KT-CCHC-NOI-DUNG',
  name: 'Bảng kiểm nội dung kiểm tra công tác CCHC (mục II.1 a–c của Kế hoạch)',
  kind: 'content' as ChecklistTemplateKind,
  source: 'Kế hoạch kiểm tra công tác CCHC năm 2021, mục II.1',
  groups: [
    { code: 'a', title: 'a) Công tác lãnh đạo, chỉ đạo và tổ chức triển khai thực hiện các nhiệm vụ CCHC', by: 'content', assignedTasks: false },
    { code: 'b', title: 'b) Việc triển khai và kết quả thực hiện các nhiệm vụ theo kế hoạch, kết luận, chỉ đạo của UBND thị xã, Chủ tịch UBND thị xã', by: 'content', assignedTasks: true },
    { code: 'c', title: 'c) Kết quả thực hiện nhiệm vụ tại Kế hoạch CCHC năm; giải pháp nâng cao Chỉ số CCHC, chỉ số hài lòng', by: 'content', assignedTasks: false },
  ] satisfies ChecklistGroup[],
  items: [
    item('a', 'a.1', 'Ban hành kế hoạch CCHC năm của cơ quan, đơn vị, đúng thời hạn', 'Đối chiếu số, ngày ban hành với thời hạn thị xã giao', 'rating', true),
    item('a', 'a.2', 'Ban hành kế hoạch tuyên truyền CCHC và kế hoạch tự kiểm tra CCHC', 'Xem văn bản, danh sách đơn vị tự kiểm tra'),
    item('a', 'a.3', 'Báo cáo CCHC định kỳ (quý, 6 tháng, năm) đầy đủ, đúng hạn', 'Đối chiếu ngày gửi với thời hạn trong chế độ báo cáo'),
    item('a', 'a.4', 'Người đứng đầu trực tiếp chỉ đạo, phân công công chức phụ trách CCHC', null),
    item('b', 'b.0', 'Rà soát toàn bộ nhiệm vụ UBND thị xã, Chủ tịch UBND thị xã giao; số nhiệm vụ chưa hoàn thành', 'Mỗi nhiệm vụ trong sổ theo dõi nhiệm vụ được giao được kiểm tra ở mục riêng', 'number'),
    item('c', 'c.1', 'Thực hiện các nhiệm vụ được giao tại Kế hoạch CCHC năm của thị xã', null, 'rating', true),
    item('c', 'c.2', 'Giải pháp khắc phục các tiêu chí, tiêu chí thành phần Chỉ số CCHC chưa đạt', 'Danh sách tiêu chí chưa đạt của năm trước (trang Chỉ số)'),
    item('c', 'c.3', 'Giải pháp nâng cao chỉ số hài lòng của người dân, tổ chức (SIPAS)', null),
    item('c', 'c.4', 'Sáng kiến, mô hình hay trong CCHC có thể nhân rộng', 'Ghi tên mô hình, thời gian áp dụng, kết quả', 'text', true),
  ],
};

/** What a surprise visit to a one-stop desk checks (reference §4.3), grouped by place. */
export const standardOneStopTemplate = {
  code: 'KT-MOT-CUA',
  name: 'Bảng kiểm Bộ phận Một cửa và điểm tiếp công dân (kiểm tra đột xuất)',
  kind: 'one_stop' as ChecklistTemplateKind,
  source: 'Nghị định 61/2018/NĐ-CP, Nghị định 107/2021/NĐ-CP, Thông tư 01/2018/TT-VPCP; thực tiễn kiểm tra',
  groups: [
    { code: 'publicity', title: 'Niêm yết, công khai', by: 'place', assignedTasks: false },
    { code: 'conduct', title: 'Thái độ, tác phong của công chức', by: 'place', assignedTasks: false },
    { code: 'dossiers', title: 'Tiếp nhận, giải quyết hồ sơ', by: 'place', assignedTasks: false },
    { code: 'electronic', title: 'Hệ thống thông tin giải quyết TTHC', by: 'place', assignedTasks: false },
    { code: 'facilities', title: 'Cơ sở vật chất, trang thiết bị', by: 'place', assignedTasks: false },
    { code: 'feedback', title: 'Tiếp nhận phản ánh, kiến nghị', by: 'place', assignedTasks: false },
    { code: 'reception', title: 'Điểm tiếp công dân', by: 'place', assignedTasks: false },
  ] satisfies ChecklistGroup[],
  items: [
    item('publicity', 'NY.1', 'Thủ tục hành chính niêm yết đầy đủ, còn hiệu lực (thành phần hồ sơ, phí, lệ phí, thời hạn)', 'Chọn ngẫu nhiên 5 thủ tục, đối chiếu với Quyết định công bố', 'rating', true),
    item('publicity', 'NY.2', 'Niêm yết số điện thoại đường dây nóng, địa chỉ tiếp nhận phản ánh, kiến nghị', null, 'rating', true),
    item('publicity', 'NY.3', 'Quyết định công bố danh mục TTHC đang có hiệu lực', 'Ghi số, ngày của Quyết định', 'text'),
    item('conduct', 'CC.1', 'Công chức có mặt đúng giờ làm việc', 'Ghi số người có mặt / số người theo lịch trực', 'rating'),
    item('conduct', 'CC.2', 'Đeo thẻ công chức, trang phục đúng quy định; có biển chức danh', null, 'rating', true),
    item('conduct', 'CC.3', 'Thái độ giao tiếp lịch sự; không yêu cầu thêm giấy tờ, phí ngoài quy định', 'Phương châm "4 xin, 4 luôn" (thực tiễn, không phải quy định)'),
    item('dossiers', 'HS.1', 'Cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả', 'Xem 5 hồ sơ gần nhất', 'rating', true),
    item('dossiers', 'HS.2', 'Phiếu kiểm soát quá trình giải quyết hồ sơ đi kèm từng hồ sơ', null),
    item('dossiers', 'HS.3', 'Số hồ sơ trễ hạn trong tháng', 'Theo sổ theo dõi hoặc phần mềm', 'number'),
    item('dossiers', 'HS.4', 'Hồ sơ trễ hạn có Phiếu xin lỗi và hẹn lại ngày trả kết quả gửi trước hạn', null, 'rating', true),
    item('dossiers', 'HS.5', 'Yêu cầu bổ sung, từ chối hồ sơ bằng văn bản, nêu rõ lý do, chỉ một lần', null),
    item('electronic', 'DT.1', 'Hồ sơ được cập nhật đầy đủ vào Hệ thống thông tin giải quyết TTHC', null),
    item('electronic', 'DT.2', 'Số hóa hồ sơ, kết quả giải quyết TTHC', null),
    item('electronic', 'DT.3', 'Tiếp nhận hồ sơ trực tuyến, thanh toán trực tuyến', null),
    item('facilities', 'VC.1', 'Diện tích, ghế ngồi chờ; máy lấy số thứ tự; máy tính tra cứu', null, 'rating', true),
    item('facilities', 'VC.2', 'Thiết bị hoặc mã QR đánh giá sự hài lòng', null, 'rating', true),
    item('feedback', 'PA.1', 'Hòm thư góp ý, sổ góp ý', null),
    item('feedback', 'PA.2', 'Phản ánh, kiến nghị được tiếp nhận, xử lý, trả lời', 'Ghi số phản ánh nhận / đã trả lời', 'text'),
    item('reception', 'TCD.1', 'Lịch tiếp công dân của lãnh đạo được niêm yết và thực hiện', null),
    item('reception', 'TCD.2', 'Sổ tiếp công dân ghi chép đầy đủ', null, 'rating', true),
  ],
};

export const standardTemplates = [standardContentTemplate, standardOneStopTemplate];
