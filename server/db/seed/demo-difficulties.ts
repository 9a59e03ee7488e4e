import { eq } from 'drizzle-orm';
import { officialCalendar } from '../../../shared/domain/calendar/index.js';
import { difficulty, reformArea } from '../schema/index.js';
import type { Tx } from '../client.js';

/**
 * Difficulties raised to the People's Committee of Hoài Nhơn in 2021 (issue 9 §7; the seed plan's
 * closing paragraph): xã Hoài Sơn's, forwarded by Phòng Nội vụ to the leader and answered; phường
 * Bồng Sơn's (the demo unit officer's), still open, so the office has one to forward or answer.
 */
export async function seedDemoDifficulties(tx: Tx, ids: { agencyIds: Map<string, string>; users: { unit: string; secretariat: string; leader: string }; names: { unit: string; secretariat: string; leader: string } }): Promise<void> {
  const agencyId = (key: string) => {
    const id = ids.agencyIds.get(key);
    if (!id) throw new Error(`demo difficulties: no agency ${key}`);
    return id;
  };
  const area = async (code: string) => (await tx.select({ id: reformArea.id }).from(reformArea).where(eq(reformArea.code, code)))[0].id;
  await tx.insert(difficulty).values([
    {
      agencyId: agencyId('ubnd:2021:Hoài Sơn'),
      reformAreaId: await area('chinh_quyen_so'),
      title: 'Đường truyền Internet chập chờn, không đủ để số hóa hồ sơ và tiếp nhận hồ sơ trực tuyến',
      body: 'Bộ phận Tiếp nhận và Trả kết quả xã thường xuyên mất kết nối; máy scan hư hỏng. Xã không có kinh phí nâng cấp, đề nghị UBND thị xã hỗ trợ để bảo đảm chỉ tiêu hồ sơ trực tuyến mức độ 3, 4.',
      raisedOn: '2021-05-10',
      raisedByName: 'Công chức Văn phòng – Thống kê xã Hoài Sơn',
      status: 'answered',
      forwardedTo: ids.users.leader,
      forwardedToName: ids.names.leader,
      forwardNote: 'Kính chuyển đồng chí Phó Chủ tịch UBND thị xã cho ý kiến chỉ đạo.',
      forwardedOn: '2021-05-11',
      answer:
        'Giao Phòng Văn hóa và Thông tin phối hợp Viễn thông Hoài Nhơn kiểm tra, nâng cấp đường truyền trước ngày 15/6/2021; Phòng Tài chính – Kế hoạch bố trí kinh phí mua 01 máy scan cho xã trong quý III/2021.',
      answeredBy: ids.users.leader,
      answeredByName: ids.names.leader,
      answeredOn: '2021-05-18',
      responseWorkingDays: officialCalendar.workingDaysBetween('2021-05-10', '2021-05-18'),
      version: 3,
      createdAt: new Date('2021-05-10T02:00:00Z'),
      updatedAt: new Date('2021-05-18T02:00:00Z'),
    },
    {
      agencyId: agencyId('ubnd:2021:Bồng Sơn'),
      reformAreaId: await area('thu_tuc_hanh_chinh'),
      title: 'Vướng mắc về thời hạn giải quyết thủ tục đăng ký đất đai lần đầu có liên quan đến xác minh nguồn gốc đất',
      body: 'Nhiều hồ sơ phải xác minh nguồn gốc đất qua nhiều cơ quan nên trễ hạn so với thời gian công bố. Đề nghị UBND thị xã hướng dẫn quy trình liên thông và điều chỉnh thời hạn phù hợp.',
      raisedOn: '2021-09-20',
      raisedBy: ids.users.unit,
      raisedByName: ids.names.unit,
      status: 'raised',
      createdAt: new Date('2021-09-20T02:00:00Z'),
      updatedAt: new Date('2021-09-20T02:00:00Z'),
    },
  ]);
}
