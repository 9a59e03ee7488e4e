/**
 * The seed plan: Hoài Nhơn town's "Kế hoạch kiểm tra công tác cải cách hành chính năm 2021",
 * reproduced word for word from /work/shared/seed/ke-hoach-kiem-tra-cchc-2021.md (a copy sits
 * in server/documents/fixtures/ and a test compares the two). The source shows neither number
 * nor date ("Số: /KH-UBND", "ngày tháng năm 2021"), so both are left out here.
 *
 * Only change from the source: a stray line break inside "cơ quan, đơn vị,\n\nđịa phương" is
 * joined into one sentence. The markdown heading marks (##, ###) in the source are scan
 * artefacts; the levels below follow the printed numbering instead.
 */
import type { DecisionDocumentModel, PlanDocumentModel } from '../../documents/model.js';

const HOAI_NHON = { name: 'ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN' } as const;

export const seedPlan2021: PlanDocumentModel = {
  layout: 'typed',
  issuer: HOAI_NHON,
  symbol: 'KH-UBND',
  placeName: 'Hoài Nhơn',
  date: { year: 2021 },
  typeName: 'KẾ HOẠCH',
  summary: 'Kiểm tra công tác cải cách hành chính năm 2021',
  body: [
    {
      kind: 'paragraph',
      content:
        'Thực hiện Quyết định số 10495/KH-UBND ngày 30/12/2020 của UBND thị xã Hoài Nhơn về việc ban hành Kế hoạch cải cách hành chính năm 2021; Ủy ban nhân dân thị xã xây dựng Kế hoạch kiểm tra cải cách hành chính năm 2021 như sau:',
    },
    { kind: 'heading', level: 'I', number: 'I', text: 'MỤC ĐÍCH, YÊU CẦU' },
    { kind: 'heading', level: '1', number: '1', text: 'Mục đích' },
    {
      kind: 'bullet',
      content:
        'Rà soát, đánh giá việc triển khai thực hiện các nhiệm vụ theo kế hoạch, kết luận, chỉ đạo của UBND thị xã, Chủ tịch UBND thị xã.',
    },
    {
      kind: 'bullet',
      content:
        'Đôn đốc, hướng dẫn, chấn chỉnh các cơ quan, đơn vị, địa phương về tiến độ, hiệu quả, chất lượng thực hiện các nhiệm vụ thuộc lĩnh vực cải cách hành chính.',
    },
    {
      kind: 'bullet',
      content:
        'Đánh giá những nội dung đã làm được, phát hiện kịp thời những sáng kiến kinh nghiệm, mô hình hiệu quả để có phương án nhân rộng mô hình trong toàn thị xã.',
    },
    {
      kind: 'bullet',
      content:
        'Đánh giá những nội dung chưa làm được, hạn chế, nguyên nhân và giải pháp tháo gỡ những khó khăn, vướng mắc của các cơ quan, đơn vị, địa phương trong tổ chức thực hiện chỉ đạo của các cấp về công tác CCHC, qua đó xác định những vấn đề cần tập trung chỉ đạo hoặc bổ sung, điều chỉnh trong thời gian tiếp theo.',
    },
    { kind: 'heading', level: '1', number: '2', text: 'Yêu cầu' },
    {
      kind: 'bullet',
      content:
        'Hoạt động kiểm tra đảm bảo đúng pháp luật, chính xác, khách quan và trung thực; không làm cản trở hoạt động chuyên môn bình thường của cơ quan, đơn vị, địa phương.',
    },
    {
      kind: 'bullet',
      content:
        'Phối hợp chặt chẽ giữa các cơ quan, đơn vị, địa phương để đảm bảo việc kiểm tra mang tính toàn diện, tránh chồng chéo, đồng thời có trọng tâm, trọng điểm; chú ý các nội dung quan trọng nhằm cải thiện, nâng cao chỉ số cải cách hành chính, chỉ số hài lòng của người dân.',
    },
    {
      kind: 'bullet',
      content:
        'Tăng cường kiểm tra đột xuất, nhất là đối với các địa bàn, lĩnh vực có phản ánh, kiến nghị, gây bức xúc cho người dân.',
    },
    {
      kind: 'bullet',
      content:
        'Qua kiểm tra rút ra được những vấn đề trọng tâm trong công tác lãnh đạo, chỉ đạo và triển khai thực hiện. Có kết luận rõ ràng, cụ thể những vấn đề tổ chức triển khai công tác CCHC tại địa phương cũng như những kiến nghị, đề xuất với lãnh đạo cấp trên.',
    },
    { kind: 'heading', level: 'I', number: 'II', text: 'NỘI DUNG' },
    { kind: 'heading', level: '1', number: '1', text: 'Nội dung kiểm tra' },
    {
      kind: 'lettered',
      letter: 'a',
      content:
        'Công tác lãnh đạo, chỉ đạo và tổ chức triển khai thực hiện các nhiệm vụ CCHC tại cơ quan, đơn vị, địa phương.',
    },
    {
      kind: 'lettered',
      letter: 'b',
      content:
        'Việc triển khai và kết quả thực hiện các nhiệm vụ theo kế hoạch, kết luận, chỉ đạo của UBND thị xã, Chủ tịch UBND thị xã.',
    },
    {
      kind: 'lettered',
      letter: 'c',
      content:
        'Việc tổ chức triển khai và kết quả thực hiện nhiệm vụ thị xã giao tại Kế hoạch CCHC năm 2021; các biện pháp, giải pháp về cải thiện, nâng cao Chỉ số CCHC, chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của các cơ quan hành chính.',
    },
    { kind: 'heading', level: '1', number: '2', text: 'Hình thức kiểm tra' },
    { kind: 'heading', level: '1.1', number: '2.1', text: 'Kiểm tra qua báo cáo' },
    {
      kind: 'paragraph',
      content:
        'Các Phòng, ban thị xã, UBND các xã, phường tuân thủ chế độ báo cáo định kỳ, báo cáo đột xuất về CCHC. Trong đó, chú ý nội dung xây dựng và triển khai thực hiện các nhiệm vụ đã được giao trong Kế hoạch CCHC năm 2021 của UBND thị xã.',
    },
    {
      kind: 'paragraph',
      italic: true,
      content:
        'Đoàn kiểm tra sử dụng các nội dung, số liệu trong báo cáo để phục vụ hoạt động kiểm tra, đồng thời là nền tảng để xây dựng cơ sở dữ liệu, phục vụ công tác cải cách hành chính nói chung.',
    },
    { kind: 'heading', level: '1.1', number: '2.2', text: 'Kiểm tra trực tiếp' },
    {
      kind: 'lettered',
      letter: 'a',
      content:
        'Kiểm tra theo Kế hoạch, có báo trước: Đoàn kiểm tra làm việc theo Kế hoạch được thông báo trước đối với các nội dung kiểm tra tại Kế hoạch này.',
    },
    {
      kind: 'bullet',
      content:
        'Cơ quan, đơn vị chuẩn bị báo cáo (theo mẫu được hướng dẫn), gửi Đoàn kiểm tra trước ngày kiểm tra ít nhất 3 ngày làm việc.',
    },
    {
      kind: 'bullet',
      content:
        'Đoàn kiểm tra trực tiếp làm việc tại cơ quan, đơn vị. Đại diện đơn vị báo cáo và trao đổi những vấn đề liên quan đến nội dung kiểm tra.',
    },
    {
      kind: 'lettered',
      letter: 'b',
      content:
        'Kiểm tra đột xuất: Đoàn kiểm tra kiểm tra đột xuất, không báo trước tại trụ sở cơ quan, đơn vị, địa phương; Bộ phận tiếp nhận và trả kết quả và địa điểm tiếp công dân;',
    },
    {
      kind: 'paragraph',
      content: 'Đoàn kiểm tra có thể tái kiểm tra đối với một số cơ quan, đơn vị trong trường hợp cần thiết.',
    },
    {
      kind: 'heading',
      level: '1',
      number: '3',
      text: 'Thời gian kiểm tra:',
      tail: ' Từ tháng 5/2021 đến tháng 12/2021.',
    },
    { kind: 'heading', level: '1', number: '4', text: 'Đối tượng kiểm tra' },
    { kind: 'paragraph', content: 'Các cơ quan, đơn vị thuộc UBND thị xã và UBND các xã, phường.' },
    {
      kind: 'paragraph',
      content:
        'Chú trọng kiểm tra các cơ quan, đơn vị có các tiêu chí, tiêu chí thành phần chỉ số CCHC chưa đạt và các địa phương có chỉ số CCHC, chỉ số hài lòng đạt thấp.',
    },
    { kind: 'heading', level: 'I', number: 'III', text: 'TỔ CHỨC THỰC HIỆN' },
    { kind: 'heading', level: '1', number: '1', text: 'Giao Phòng Nội vụ là cơ quan thường trực' },
    {
      kind: 'bullet',
      content:
        'Tham mưu UBND thị xã quyết định thành lập Đoàn kiểm tra công tác CCHC của thị xã; Xây dựng các biểu mẫu, đề cương báo cáo, hướng dẫn cơ quan, đơn vị, địa phương thực hiện báo cáo theo quy định.',
    },
    {
      kind: 'bullet',
      content:
        'Xây dựng thời gian kiểm tra theo kế hoạch, thông báo cho các cơ quan, đơn vị, địa phương để chuẩn bị.',
    },
    {
      kind: 'bullet',
      content:
        'Tổ chức thực hiện kiểm tra theo các nội dung của Kế hoạch này và báo cáo kết quả kiểm tra cho UBND thị xã.',
    },
    {
      kind: 'bullet',
      content:
        'Trong trường hợp cần thiết, Đoàn kiểm tra phản ánh, đề nghị Đoàn kiểm tra công vụ thị xã tổ chức kiểm tra sâu để xác định rõ trách nhiệm, báo cáo, tham mưu UBND thị xã xử lý, chấn chỉnh kịp thời các cơ quan, đơn vị, địa phương trong thực hiện chức năng, nhiệm vụ và các cá nhân trong thực thi công vụ.',
    },
    { kind: 'heading', level: '1', number: '2', text: 'Các cơ quan, đơn vị' },
    {
      kind: 'bullet',
      content:
        'Rà soát lại toàn bộ các nội dung công việc theo chương trình, kế hoạch, chỉ đạo của UBND thị xã, Chủ tịch UBND thị xã giao cho cơ quan, đơn vị. Thông báo kịp thời, đầy đủ nội dung của Kế hoạch này đến cán bộ, công chức, viên chức của cơ quan.',
    },
    {
      kind: 'bullet',
      content: 'Chủ động xây dựng Kế hoạch tự kiểm tra, khắc phục những tồn tại, hạn chế của cơ quan, đơn vị mình.',
    },
    {
      kind: 'bullet',
      content:
        'Các cơ quan, đơn vị được kiểm tra (có thông báo cụ thể) xây dựng báo cáo theo đề cương, gửi về Đoàn kiểm tra trước ngày kiểm tra 3 ngày làm việc; bố trí lãnh đạo và công chức có liên quan làm việc trực tiếp với Đoàn kiểm tra.',
    },
    {
      kind: 'paragraph',
      content:
        'Trên đây là Kế hoạch kiểm tra cải cách hành chính năm 2021 của Ủy ban nhân dân thị xã, đề nghị các cơ quan liên quan và UBND các xã, phường nghiêm túc triển khai thực hiện. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các địa phương phản ánh về UBND thị xã (qua phòng Nội vụ) để kịp thời giải quyết./.',
    },
  ],
  recipients: [
    'Sở Nội vụ;',
    'Thường trực Thị ủy;',
    'Thường trực HĐND thị xã;',
    'Chủ tịch, các PCT UBND thị xã;',
    'Các cơ quan, đơn vị thị xã;',
    'UBND các xã, phường;',
    'Lưu: VT.',
  ],
  signature: {
    authority: 'TM. ỦY BAN NHÂN DÂN',
    position: 'CHỦ TỊCH',
    signerName: 'Phạm Trương',
  },
};

/**
 * A sample decision founding the inspection team (Phụ lục III, Mẫu 1.2), issued by the
 * Chairman in his own name. The members' names are invented for demonstration; the Chairman
 * is the signer of the seed plan.
 */
export const sampleTeamDecision2021: DecisionDocumentModel = {
  layout: 'decision',
  issuer: HOAI_NHON,
  number: 16,
  symbol: 'QĐ-UBND',
  placeName: 'Hoài Nhơn',
  date: { year: 2021, month: 5, day: 10 },
  typeName: 'QUYẾT ĐỊNH',
  summary: 'Về việc thành lập Đoàn kiểm tra công tác cải cách hành chính năm 2021',
  issuingAuthority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN',
  legalBases: [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
    'Căn cứ Kế hoạch số 15/KH-UBND ngày 05/5/2021 của UBND thị xã về kiểm tra công tác cải cách hành chính năm 2021;',
    'Xét đề nghị của Trưởng phòng Nội vụ thị xã.',
  ],
  articles: [
    {
      content:
        'Thành lập Đoàn kiểm tra công tác cải cách hành chính năm 2021 của thị xã Hoài Nhơn, gồm các ông (bà) có tên sau:',
      blocks: [
        { kind: 'bullet', content: 'Ông Nguyễn Văn Hùng, Phó Chủ tịch UBND thị xã, Trưởng đoàn;' },
        { kind: 'bullet', content: 'Bà Trần Thị Thu Hà, Trưởng phòng Nội vụ, Phó Trưởng đoàn;' },
        { kind: 'bullet', content: 'Ông Lê Minh Tuấn, Phó Chánh Văn phòng HĐND và UBND thị xã, thành viên;' },
        { kind: 'bullet', content: 'Bà Phạm Thị Lan, Trưởng phòng Tư pháp, thành viên;' },
        { kind: 'bullet', content: 'Ông Võ Đức Thắng, Phó Trưởng phòng Tài chính - Kế hoạch, thành viên;' },
        { kind: 'bullet', content: 'Ông Huỳnh Văn Phúc, Phó Trưởng phòng Văn hóa và Thông tin, thành viên;' },
        { kind: 'bullet', content: 'Bà Đặng Thị Mỹ Linh, Chuyên viên Phòng Nội vụ, Thư ký.' },
      ],
    },
    {
      content:
        'Đoàn kiểm tra có nhiệm vụ kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị, địa phương theo Kế hoạch số 15/KH-UBND ngày 05/5/2021 của UBND thị xã; được yêu cầu cơ quan, đơn vị, địa phương được kiểm tra báo cáo, cung cấp thông tin, tài liệu có liên quan; báo cáo kết quả kiểm tra cho Chủ tịch UBND thị xã. Trưởng đoàn được sử dụng con dấu của Phòng Nội vụ trong hoạt động của Đoàn. Đoàn kiểm tra tự giải thể sau khi hoàn thành nhiệm vụ.',
    },
    {
      content:
        'Chánh Văn phòng HĐND và UBND thị xã, Trưởng phòng Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan, Chủ tịch UBND các xã, phường và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./.',
    },
  ],
  recipients: ['Như Điều 3;', 'Sở Nội vụ (b/c);', 'CT, các PCT UBND thị xã;', 'Lưu: VT, NV.'],
  signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' },
};
