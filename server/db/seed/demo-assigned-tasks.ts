import { assignedTask, assignedTaskCoOwner, assignedTaskNote } from '../schema/index.js';
import type { Tx } from '../client.js';

interface DemoTask {
  sourceNumber: string;
  sourceDate: string;
  sourceTitle: string;
  content: string;
  owner: string;
  coOwners?: string[];
  deadline: string | null;
  status: 'not_started' | 'in_progress' | 'completed' | 'cancelled';
  completedOn?: string;
  notes?: [at: string, body: string, move?: 'start' | 'complete' | 'cancel'][];
}

const KL_45 = { sourceNumber: '45/TB-UBND', sourceDate: '2021-03-12', sourceTitle: 'Kết luận của Chủ tịch UBND thị xã tại Hội nghị triển khai nhiệm vụ CCHC năm 2021' };
const KH_CCHC = { sourceNumber: '10495/KH-UBND', sourceDate: '2020-12-30', sourceTitle: 'Kế hoạch cải cách hành chính năm 2021 của UBND thị xã' };
const CV_612 = { sourceNumber: '612/UBND-NV', sourceDate: '2021-05-17', sourceTitle: 'Về việc chấn chỉnh kỷ luật, kỷ cương hành chính tại Bộ phận Một cửa' };

/**
 * Tasks the People's Committee of Hoài Nhơn and its Chairman assigned in 2021 (issue 10 §8): what
 * content group b) of each inspection checks. Done on time, done late, under way with progress
 * notes, not started, and overdue ones (2021 deadlines long past), so the register, its flags and
 * the daily overdue alerts have something to show.
 */
const demoTasks: DemoTask[] = [
  { ...KH_CCHC, content: 'Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của UBND thị xã; đề xuất phương án đơn giản hóa ít nhất 05 thủ tục.', owner: 'office:TP', coOwners: ['office:VP'], deadline: '2021-06-30', status: 'completed', completedOn: '2021-06-25', notes: [['2021-04-05', 'Đã lập danh mục 32 thủ tục cần rà soát.', 'start'], ['2021-06-25', 'Đã trình phương án đơn giản hóa 06 thủ tục (Tờ trình số 58/TTr-TP).', 'complete']] },
  { ...KH_CCHC, content: 'Xây dựng và triển khai Kế hoạch tuyên truyền cải cách hành chính năm 2021.', owner: 'office:VHTT', coOwners: ['office:NV'], deadline: '2021-03-31', status: 'completed', completedOn: '2021-04-20', notes: [['2021-04-20', 'Ban hành Kế hoạch số 21/KH-VHTT ngày 20/4/2021 (chậm so với thời hạn).', 'complete']] },
  { ...KH_CCHC, content: 'Nâng tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến mức độ 3, 4 đạt từ 30% trở lên.', owner: 'office:VP', coOwners: ['office:VHTT'], deadline: '2021-12-15', status: 'in_progress', notes: [['2021-07-10', '6 tháng đầu năm đạt 18,6%; đang hướng dẫn các xã, phường tiếp nhận hồ sơ trực tuyến.', 'start']] },
  { ...KL_45, content: 'Niêm yết công khai đầy đủ, đúng quy định thủ tục hành chính tại Bộ phận Tiếp nhận và Trả kết quả phường.', owner: 'ubnd:2021:Bồng Sơn', deadline: '2021-04-30', status: 'completed', completedOn: '2021-04-28', notes: [['2021-04-28', 'Đã niêm yết 142 thủ tục, cập nhật theo Quyết định công bố mới của UBND tỉnh.', 'complete']] },
  { ...KL_45, content: 'Công khai kết quả giải quyết hồ sơ thủ tục hành chính của phường hằng tháng trên Cổng dịch vụ công và tại Bộ phận Một cửa.', owner: 'ubnd:2021:Bồng Sơn', coOwners: ['office:VP'], deadline: '2021-12-31', status: 'in_progress', notes: [['2021-10-05', 'Đã công khai kết quả tháng 8, tháng 9 tại Bộ phận Một cửa; đang phối hợp Văn phòng thị xã đăng trên Cổng.', 'start']] },
  { ...KL_45, content: 'Chấm dứt tình trạng trễ hạn giải quyết hồ sơ đất đai; gửi thư xin lỗi đối với hồ sơ trễ hạn.', owner: 'ubnd:2021:Tam Quan Bắc', coOwners: ['office:TNMT'], deadline: '2021-05-31', status: 'in_progress', notes: [['2021-06-10', 'Còn 07 hồ sơ trễ hạn do vướng đo đạc; đã gửi thư xin lỗi 05 trường hợp.', 'start']] },
  { ...KL_45, content: 'Bố trí công chức có chuyên môn phù hợp làm việc tại Bộ phận Một cửa; niêm yết số điện thoại đường dây nóng.', owner: 'ubnd:2021:Hoài Hải', deadline: '2021-04-15', status: 'not_started' },
  { ...KL_45, content: 'Báo cáo kết quả thực hiện Chỉ số CCHC năm 2020, làm rõ nguyên nhân các tiêu chí bị trừ điểm.', owner: 'ubnd:2021:Hoài Thanh Tây', deadline: '2021-04-30', status: 'completed', completedOn: '2021-05-14', notes: [['2021-05-14', 'Đã gửi Báo cáo số 35/BC-UBND ngày 14/5/2021.', 'complete']] },
  { ...KL_45, content: 'Xây dựng kế hoạch khắc phục các tiêu chí Chỉ số CCHC năm 2020 chưa đạt.', owner: 'ubnd:2021:Hoài Châu Bắc', deadline: '2021-05-15', status: 'in_progress', notes: [['2021-05-20', 'Đang lấy ý kiến các bộ phận chuyên môn.', 'start']] },
  { ...CV_612, content: 'Chấn chỉnh việc chấp hành giờ giấc làm việc, thái độ phục vụ của công chức tại Bộ phận Một cửa; báo cáo kết quả về Phòng Nội vụ.', owner: 'ubnd:2021:Tam Quan', deadline: '2021-06-15', status: 'not_started' },
  { ...CV_612, content: 'Lắp đặt camera giám sát và hòm thư góp ý tại Bộ phận Tiếp nhận và Trả kết quả.', owner: 'ubnd:2021:Hoài Đức', deadline: '2021-07-30', status: 'completed', completedOn: '2021-07-22', notes: [['2021-07-22', 'Đã lắp đặt, đưa vào sử dụng từ ngày 22/7/2021.', 'complete']] },
  { ...CV_612, content: 'Tự kiểm tra việc thực hiện cơ chế một cửa, một cửa liên thông tại các xã, phường; tổng hợp báo cáo UBND thị xã.', owner: 'office:NV', coOwners: ['office:VP'], deadline: '2021-08-31', status: 'in_progress', notes: [['2021-08-05', 'Đã kiểm tra 9/17 xã, phường.', 'start']] },
  { ...KH_CCHC, content: 'Triển khai hệ thống quản lý văn bản và điều hành, chữ ký số đến 100% các phòng, ban và UBND các xã, phường.', owner: 'office:VHTT', deadline: null, status: 'in_progress', notes: [['2021-09-01', '15/17 xã, phường đã sử dụng chữ ký số.', 'start']] },
  { ...KH_CCHC, content: 'Tổ chức đánh giá mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính (SIPAS) năm 2021.', owner: 'office:NV', deadline: '2021-11-30', status: 'cancelled', notes: [['2021-10-15', 'Thực hiện theo kế hoạch chung của UBND tỉnh; thị xã không tổ chức riêng.', 'cancel']] },
];

export async function seedDemoAssignedTasks(tx: Tx, ids: { agencyIds: Map<string, string> }): Promise<void> {
  const agencyId = (key: string) => {
    const id = ids.agencyIds.get(key);
    if (!id) throw new Error(`demo assigned tasks: no agency ${key}`);
    return id;
  };
  for (const d of demoTasks) {
    const [row] = await tx
      .insert(assignedTask)
      .values({
        assigningAgencyId: agencyId('ubnd:hoai-nhon'),
        sourceNumber: d.sourceNumber,
        sourceDate: d.sourceDate,
        sourceTitle: d.sourceTitle,
        content: d.content,
        ownerAgencyId: agencyId(d.owner),
        deadline: d.deadline,
        status: d.status,
        completedOn: d.completedOn ?? null,
        origin: 'demo',
        version: 1 + (d.notes?.length ?? 0),
      })
      .returning({ id: assignedTask.id });
    if (d.coOwners?.length) await tx.insert(assignedTaskCoOwner).values(d.coOwners.map((k, position) => ({ taskId: row.id, agencyId: agencyId(k), position })));
    for (const [at, body, move] of d.notes ?? []) {
      const statusAfter = move === 'start' ? 'in_progress' : move === 'complete' ? 'completed' : move === 'cancel' ? 'cancelled' : null;
      await tx.insert(assignedTaskNote).values({ taskId: row.id, authorName: d.owner.startsWith('office:NV') ? 'Trần Thị Thu Hà' : 'Đầu mối CCHC', body, move: move ?? null, statusAfter, createdAt: new Date(`${at}T09:00:00+07:00`) });
    }
  }
}
