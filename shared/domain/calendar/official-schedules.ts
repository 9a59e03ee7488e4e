/**
 * Official civil-service schedules (lịch nghỉ lễ, tết của cán bộ, công chức, viên chức), as data.
 *
 * Each year lists every day that differs from Monday–Friday, because a given year replaces the
 * statutory default wholesale (see YearSchedule). The server will keep these rows in a table that
 * an admin edits; this file is the seed and the fallback for the UI.
 *
 * Provenance, and how sure we are (comments per year below): entries come from reference.md
 * §6.1 and its cited pages, or were checked against press reports of the Government's decision.
 * Where a notice number or date was written from memory, not checked against its text, the
 * source says "(chưa đối chiếu văn bản gốc)" — users see it, and must verify it before quoting
 * it in an official document (an admin then edits the year).
 * - Days that follow from the Labour Code alone (1/1, 30/4, 1/5, 10/3 lunar and their
 *   compensatory days) cite the Code; no separate notice fixes them.
 */
import type { CalendarEntry, YearSchedule } from './types.js';

const BLLD_112 = 'Bộ luật Lao động 2019, Điều 112 khoản 1';
const BLLD_111 = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày nghỉ hằng tuần trùng ngày lễ)';

const holiday = (date: string, name: string, source: string = BLLD_112): CalendarEntry => ({
  date,
  kind: 'holiday',
  name,
  source,
});
const dayOff = (date: string, name: string, source: string = BLLD_111): CalendarEntry => ({
  date,
  kind: 'day_off',
  name,
  source,
});
const makeUp = (date: string, name: string, source: string): CalendarEntry => ({
  date,
  kind: 'make_up_workday',
  name,
  source,
});

// Confidence high: number and content quoted by cand.com.vn (11/12/2020) and a provincial notice;
// matches reference §6.1 (Tết 10/2–16/2, Quốc khánh 2/9–3/9).
const TB_2021 = 'Thông báo 4875/TB-LĐTBXH ngày 10/12/2020 của Bộ LĐTB&XH về nghỉ Tết Âm lịch và Quốc khánh năm 2021';
const SCHEDULE_2021: YearSchedule = {
  year: 2021,
  source: `${TB_2021}; Bộ luật Lao động 2019, Điều 111–112`,
  entries: [
    holiday('2021-01-01', 'Tết Dương lịch'),
    holiday('2021-02-10', 'Tết Âm lịch (29 tháng Chạp)', TB_2021),
    holiday('2021-02-11', 'Tết Âm lịch (30 tháng Chạp)', TB_2021),
    holiday('2021-02-12', 'Tết Âm lịch (mùng 1 tháng Giêng)', TB_2021),
    holiday('2021-02-13', 'Tết Âm lịch (mùng 2 tháng Giêng)', TB_2021),
    holiday('2021-02-14', 'Tết Âm lịch (mùng 3 tháng Giêng)', TB_2021),
    dayOff('2021-02-15', 'Nghỉ bù Tết (mùng 2 trùng thứ Bảy)', TB_2021),
    dayOff('2021-02-16', 'Nghỉ bù Tết (mùng 3 trùng Chủ nhật)', TB_2021),
    holiday('2021-04-21', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    holiday('2021-04-30', 'Ngày Chiến thắng (30/4)'),
    holiday('2021-05-01', 'Ngày Quốc tế Lao động (1/5)'),
    dayOff('2021-05-03', 'Nghỉ bù ngày 1/5 (trùng thứ Bảy)'),
    holiday('2021-09-02', 'Quốc khánh (2/9)', TB_2021),
    holiday('2021-09-03', 'Quốc khánh (ngày liền sau)', TB_2021),
  ],
};

// Confidence: Tết high (the 9-day Tết Nhâm Dần 29/1–6/2 was widely reported; the weekdays
// 31/1–4/2 are exactly the 5 Tết days with one compensatory day); Quốc khánh 1/9–2/9 high
// (also in a company calendar found in search). The notice number is not known here.
const TB_2022 =
  'Thông báo của Bộ LĐTB&XH về nghỉ Tết Âm lịch và Quốc khánh năm 2022 (Thủ tướng đồng ý; số hiệu chưa đối chiếu) (chưa đối chiếu văn bản gốc)';
const SCHEDULE_2022: YearSchedule = {
  year: 2022,
  source: `${TB_2022}; Bộ luật Lao động 2019, Điều 111–112`,
  entries: [
    holiday('2022-01-01', 'Tết Dương lịch'),
    dayOff('2022-01-03', 'Nghỉ bù Tết Dương lịch (1/1 trùng thứ Bảy)'),
    holiday('2022-01-30', 'Tết Âm lịch (28 tháng Chạp)', TB_2022),
    holiday('2022-01-31', 'Tết Âm lịch (29 tháng Chạp)', TB_2022),
    holiday('2022-02-01', 'Tết Âm lịch (mùng 1 tháng Giêng)', TB_2022),
    holiday('2022-02-02', 'Tết Âm lịch (mùng 2 tháng Giêng)', TB_2022),
    holiday('2022-02-03', 'Tết Âm lịch (mùng 3 tháng Giêng)', TB_2022),
    dayOff('2022-02-04', 'Nghỉ bù Tết (28 tháng Chạp trùng Chủ nhật)', TB_2022),
    holiday('2022-04-10', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    dayOff('2022-04-11', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)'),
    holiday('2022-04-30', 'Ngày Chiến thắng (30/4)'),
    holiday('2022-05-01', 'Ngày Quốc tế Lao động (1/5)'),
    dayOff('2022-05-02', 'Nghỉ bù ngày 30/4 (trùng thứ Bảy)'),
    dayOff('2022-05-03', 'Nghỉ bù ngày 1/5 (trùng Chủ nhật)'),
    holiday('2022-09-01', 'Quốc khánh (ngày liền trước)', TB_2022),
    holiday('2022-09-02', 'Quốc khánh (2/9)', TB_2022),
  ],
};

// Confidence: Tết 20/1–26/1 high (VnExpress: "nghỉ 7 ngày từ 20 đến 26-1-2023, 29 tháng Chạp");
// 29/4–3/5 high (Kinhtedothi 22/3/2023: 5 ngày liên tục); Quốc khánh 1/9–4/9 medium (chưa đối chiếu văn bản gốc).
const TB_2023 =
  'Thủ tướng đồng ý phương án nghỉ Tết Âm lịch và Quốc khánh năm 2023 do Bộ LĐTB&XH thông báo (số hiệu chưa đối chiếu)';
const SCHEDULE_2023: YearSchedule = {
  year: 2023,
  source: `${TB_2023}; Bộ luật Lao động 2019, Điều 111–112`,
  entries: [
    holiday('2023-01-01', 'Tết Dương lịch'),
    dayOff('2023-01-02', 'Nghỉ bù Tết Dương lịch (1/1 trùng Chủ nhật)'),
    holiday('2023-01-20', 'Tết Âm lịch (29 tháng Chạp)', TB_2023),
    holiday('2023-01-21', 'Tết Âm lịch (30 tháng Chạp)', TB_2023),
    holiday('2023-01-22', 'Tết Âm lịch (mùng 1 tháng Giêng)', TB_2023),
    holiday('2023-01-23', 'Tết Âm lịch (mùng 2 tháng Giêng)', TB_2023),
    holiday('2023-01-24', 'Tết Âm lịch (mùng 3 tháng Giêng)', TB_2023),
    dayOff('2023-01-25', 'Nghỉ bù Tết (30 tháng Chạp trùng thứ Bảy)', TB_2023),
    dayOff('2023-01-26', 'Nghỉ bù Tết (mùng 1 trùng Chủ nhật)', TB_2023),
    holiday('2023-04-29', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    holiday('2023-04-30', 'Ngày Chiến thắng (30/4)'),
    holiday('2023-05-01', 'Ngày Quốc tế Lao động (1/5)'),
    dayOff('2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng thứ Bảy)'),
    dayOff('2023-05-03', 'Nghỉ bù ngày 30/4 (trùng Chủ nhật)'),
    holiday('2023-09-01', 'Quốc khánh (ngày liền trước)', `${TB_2023} (chưa đối chiếu văn bản gốc)`),
    holiday('2023-09-02', 'Quốc khánh (2/9)', TB_2023),
    dayOff('2023-09-04', 'Nghỉ bù Quốc khánh (2/9 trùng thứ Bảy)', `${TB_2023} (chưa đối chiếu văn bản gốc)`),
  ],
};

// Confidence high: VPCP 8662/VPCP-KGVX ngày 3/11/2023 (quoted by several papers): Tết 8/2–14/2,
// Quốc khánh 31/8–3/9. The 30/4 swap (off Mon 29/4, work Sat 4/5) is reference §6.1.
const VPCP_2024 = 'Văn bản 8662/VPCP-KGVX ngày 03/11/2023 của Văn phòng Chính phủ (nghỉ Tết Âm lịch và Quốc khánh năm 2024)';
const SWAP_2024 =
  'Thủ tướng đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2024: nghỉ thứ Hai 29/4, làm bù thứ Bảy 04/5';
const SCHEDULE_2024: YearSchedule = {
  year: 2024,
  source: `${VPCP_2024}; hoán đổi dịp 30/4–1/5/2024; Bộ luật Lao động 2019, Điều 111–112`,
  entries: [
    holiday('2024-01-01', 'Tết Dương lịch'),
    holiday('2024-02-08', 'Tết Âm lịch (29 tháng Chạp)', VPCP_2024),
    holiday('2024-02-09', 'Tết Âm lịch (30 tháng Chạp)', VPCP_2024),
    holiday('2024-02-10', 'Tết Âm lịch (mùng 1 tháng Giêng)', VPCP_2024),
    holiday('2024-02-11', 'Tết Âm lịch (mùng 2 tháng Giêng)', VPCP_2024),
    holiday('2024-02-12', 'Tết Âm lịch (mùng 3 tháng Giêng)', VPCP_2024),
    dayOff('2024-02-13', 'Nghỉ bù Tết (mùng 1 trùng thứ Bảy)', VPCP_2024),
    dayOff('2024-02-14', 'Nghỉ bù Tết (mùng 2 trùng Chủ nhật)', VPCP_2024),
    holiday('2024-04-18', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    dayOff('2024-04-29', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 04/5/2024)', SWAP_2024),
    holiday('2024-04-30', 'Ngày Chiến thắng (30/4)'),
    holiday('2024-05-01', 'Ngày Quốc tế Lao động (1/5)'),
    makeUp('2024-05-04', 'Làm bù cho ngày nghỉ hoán đổi thứ Hai 29/4/2024', SWAP_2024),
    holiday('2024-09-02', 'Quốc khánh (2/9)', VPCP_2024),
    holiday('2024-09-03', 'Quốc khánh (ngày liền sau)', VPCP_2024),
  ],
};

// Confidence: Tết 25/1–2/2 high and the 30/4 swap (off Fri 2/5, work Sat 26/4) high (press);
// Quốc khánh 30/8–2/9 high (Bộ Nội vụ announcement, Việt Nam News 4/8/2025). reference.md gives
// "31/8–3/9" for 2025, which is the 2024 schedule: 31/8/2025 is a Sunday. The notice number
// 6150/TB-LĐTBXH (14/11/2024) is (chưa đối chiếu văn bản gốc), medium confidence.
const TB_2025 =
  'Thông báo 6150/TB-LĐTBXH ngày 14/11/2024 của Bộ LĐTB&XH về nghỉ Tết Âm lịch và Quốc khánh năm 2025 (chưa đối chiếu văn bản gốc)';
const SWAP_2025 =
  'Thủ tướng đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2025: nghỉ thứ Sáu 02/5, làm bù thứ Bảy 26/4';
const QK_2025 = 'Bộ Nội vụ thông báo nghỉ lễ Quốc khánh năm 2025: từ thứ Bảy 30/8 đến hết thứ Ba 02/9';
const SCHEDULE_2025: YearSchedule = {
  year: 2025,
  source: `${TB_2025}; hoán đổi dịp 30/4–1/5/2025; ${QK_2025}; Bộ luật Lao động 2019, Điều 111–112`,
  entries: [
    holiday('2025-01-01', 'Tết Dương lịch'),
    holiday('2025-01-27', 'Tết Âm lịch (28 tháng Chạp)', TB_2025),
    holiday('2025-01-28', 'Tết Âm lịch (29 tháng Chạp)', TB_2025),
    holiday('2025-01-29', 'Tết Âm lịch (mùng 1 tháng Giêng)', TB_2025),
    holiday('2025-01-30', 'Tết Âm lịch (mùng 2 tháng Giêng)', TB_2025),
    holiday('2025-01-31', 'Tết Âm lịch (mùng 3 tháng Giêng)', TB_2025),
    holiday('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    makeUp('2025-04-26', 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/5/2025', SWAP_2025),
    holiday('2025-04-30', 'Ngày Chiến thắng (30/4)'),
    holiday('2025-05-01', 'Ngày Quốc tế Lao động (1/5)'),
    dayOff('2025-05-02', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/4/2025)', SWAP_2025),
    holiday('2025-09-01', 'Quốc khánh (ngày liền trước)', QK_2025),
    holiday('2025-09-02', 'Quốc khánh (2/9)', QK_2025),
  ],
};

// Confidence: New Year swap high (VPCP 12729/VPCP-KGVX ngày 25/12/2025, quoted in the press);
// Tết 14/2–22/2 high (reference §6.1 and press); Hùng Vương/30/4/1/5 high (Thanh Niên 23/2/2026:
// no swap). Quốc khánh 2026 (2/9 is a Wednesday): the adjacent day was NOT found; 1/9 is the
// default rule's guess (UNCONFIRMED). An admin must correct it once the decision is known.
const VPCP_2026_NEW_YEAR =
  'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: nghỉ Tết Dương lịch 2026 từ 01/01 đến hết 04/01, ' +
  'hoán đổi thứ Sáu 02/01 sang thứ Bảy 10/01';
const TET_2026 =
  'Thủ tướng đồng ý nghỉ Tết Âm lịch 2026 từ thứ Bảy 14/02 đến hết Chủ nhật 22/02 (27 tháng Chạp đến mùng 6 tháng Giêng)';
const QK_2026_UNCONFIRMED =
  'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ; ngày liền kề CHƯA XÁC NHẬN (chưa tìm thấy quyết định năm 2026)';
const SCHEDULE_2026: YearSchedule = {
  year: 2026,
  source: `${VPCP_2026_NEW_YEAR}; ${TET_2026}; Bộ luật Lao động 2019, Điều 111–112; Quốc khánh chưa xác nhận`,
  entries: [
    holiday('2026-01-01', 'Tết Dương lịch'),
    dayOff('2026-01-02', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', VPCP_2026_NEW_YEAR),
    makeUp('2026-01-10', 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/01/2026', VPCP_2026_NEW_YEAR),
    holiday('2026-02-16', 'Tết Âm lịch (29 tháng Chạp)', TET_2026),
    holiday('2026-02-17', 'Tết Âm lịch (mùng 1 tháng Giêng)', TET_2026),
    holiday('2026-02-18', 'Tết Âm lịch (mùng 2 tháng Giêng)', TET_2026),
    holiday('2026-02-19', 'Tết Âm lịch (mùng 3 tháng Giêng)', TET_2026),
    holiday('2026-02-20', 'Tết Âm lịch (mùng 4 tháng Giêng)', TET_2026),
    holiday('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    dayOff('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)'),
    holiday('2026-04-30', 'Ngày Chiến thắng (30/4)'),
    holiday('2026-05-01', 'Ngày Quốc tế Lao động (1/5)'),
    holiday('2026-09-01', 'Quốc khánh (ngày liền kề — chưa xác nhận)', QK_2026_UNCONFIRMED),
    holiday('2026-09-02', 'Quốc khánh (2/9)'),
  ],
};

/** The official schedules known to this build, oldest first. Seed data for the database table. */
export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = Object.freeze([
  SCHEDULE_2021,
  SCHEDULE_2022,
  SCHEDULE_2023,
  SCHEDULE_2024,
  SCHEDULE_2025,
  SCHEDULE_2026,
]);
