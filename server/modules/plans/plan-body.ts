import type { PlanContent } from '../../../shared/api/plans.schemas.js';
import type { Block, HeadingBlock, TextBlock } from '../../documents/model.js';

/**
 * The fixed outline of a plan (the seed's structure) around its editable sections:
 * I. purposes and requirements; II. contents, forms, time, targets; III. organisation.
 */

const h = (level: HeadingBlock['level'], number: string, text: string, tail?: string): HeadingBlock => ({
  kind: 'heading',
  level,
  number,
  text,
  ...(tail ? { tail } : {}),
});

/** "2021-05" → "5/2021", as printed in "Từ tháng 5/2021 đến tháng 12/2021." */
export function monthLabel(yearMonth: string): string {
  const [y, m] = yearMonth.split('-');
  return `${Number(m)}/${y}`;
}

/** The body blocks of the plan document, in the order of the seed. */
export function planBody(content: PlanContent, periodFrom: string, periodTo: string): Block[] {
  const c = content;
  return [
    ...c.introduction,
    h('I', 'I', 'MỤC ĐÍCH, YÊU CẦU'),
    h('1', '1', 'Mục đích'),
    ...c.purposes,
    h('1', '2', 'Yêu cầu'),
    ...c.requirements,
    h('I', 'II', 'NỘI DUNG'),
    h('1', '1', 'Nội dung kiểm tra'),
    ...c.contents,
    h('1', '2', 'Hình thức kiểm tra'),
    h('1.1', '2.1', 'Kiểm tra qua báo cáo'),
    ...c.formsThroughReports,
    h('1.1', '2.2', 'Kiểm tra trực tiếp'),
    ...c.formsDirectAnnounced,
    ...c.formsUnannounced,
    ...c.formsReinspection,
    h('1', '3', 'Thời gian kiểm tra:', ` Từ tháng ${monthLabel(periodFrom)} đến tháng ${monthLabel(periodTo)}.`),
    h('1', '4', 'Đối tượng kiểm tra'),
    ...c.targetsDescription,
    ...c.focus,
    h('I', 'III', 'TỔ CHỨC THỰC HIỆN'),
    h('1', '1', content.standingOfficeHeading),
    ...c.standingOfficeDuties,
    h('1', '2', 'Các cơ quan, đơn vị'),
    ...c.unitDuties,
    ...c.closing,
  ];
}

/**
 * Splits a printed plan body (the seed's Block list) back into the sections of PlanContent:
 * the inverse of planBody, used to load the seed plan. Throws when the body lacks the outline.
 */
export function sectionsFromBody(body: readonly Block[]): {
  sections: Omit<PlanContent, 'summary' | 'legalBases' | 'recipients' | 'signature'>;
  periodFrom: string;
  periodTo: string;
} {
  const at = (level: HeadingBlock['level'], text: string, from = 0) => {
    const i = body.findIndex((b, idx) => idx >= from && b.kind === 'heading' && b.level === level && b.text === text);
    if (i < 0) throw new Error(`the plan body has no heading "${text}"`);
    return i;
  };
  const iPurpose = at('1', 'Mục đích');
  const iRequirements = at('1', 'Yêu cầu', iPurpose);
  const iContentsSection = at('I', 'NỘI DUNG', iRequirements);
  const iContents = at('1', 'Nội dung kiểm tra', iContentsSection);
  const iForms = at('1', 'Hình thức kiểm tra', iContents);
  const iReports = at('1.1', 'Kiểm tra qua báo cáo', iForms);
  const iDirect = at('1.1', 'Kiểm tra trực tiếp', iReports);
  const iTime = at('1', 'Thời gian kiểm tra:', iDirect);
  const iTargets = at('1', 'Đối tượng kiểm tra', iTime);
  const iOrg = at('I', 'TỔ CHỨC THỰC HIỆN', iTargets);
  const iUnits = at('1', 'Các cơ quan, đơn vị', iOrg);
  // A plan's sections hold text blocks only (the editor's kinds); a table or picture in the
  // printed body would have no section to go back to.
  const slice = (a: number, b: number): TextBlock[] =>
    body.slice(a, b).map((b) => {
      if (b.kind !== 'heading' && b.kind !== 'paragraph' && b.kind !== 'bullet' && b.kind !== 'lettered') throw new Error(`a plan section cannot hold a ${b.kind} block`);
      return b;
    });

  const direct = slice(iDirect + 1, iTime);
  const iUnannounced = direct.findIndex((b) => b.kind === 'lettered' && b.letter === 'b');
  const announcedEnd = iUnannounced < 0 ? direct.length : iUnannounced;
  const reinspectionStart = iUnannounced < 0 ? direct.length : iUnannounced + 1;
  const targets = slice(iTargets + 1, iOrg);
  const units = slice(iUnits + 1, body.length);
  const closingStart = units.findIndex((b) => b.kind === 'paragraph' && typeof b.content === 'string' && b.content.startsWith('Trên đây'));

  const time = body[iTime] as HeadingBlock;
  const period = /tháng (\d{1,2})\/(\d{4}) đến tháng (\d{1,2})\/(\d{4})/.exec(time.tail ?? '');
  if (!period) throw new Error('the plan body has no time window');
  const ym = (m: string, y: string) => `${y}-${m.padStart(2, '0')}`;

  return {
    sections: {
      introduction: slice(0, at('I', 'MỤC ĐÍCH, YÊU CẦU')),
      purposes: slice(iPurpose + 1, iRequirements),
      requirements: slice(iRequirements + 1, iContentsSection),
      contents: slice(iContents + 1, iForms),
      formsThroughReports: slice(iReports + 1, iDirect),
      formsDirectAnnounced: direct.slice(0, announcedEnd),
      formsUnannounced: direct.slice(announcedEnd, reinspectionStart),
      formsReinspection: direct.slice(reinspectionStart),
      targetsDescription: targets.slice(0, 1),
      focus: targets.slice(1),
      standingOfficeHeading: (body[iOrg + 1] as HeadingBlock).text,
      standingOfficeDuties: slice(iOrg + 2, iUnits),
      unitDuties: closingStart < 0 ? units : units.slice(0, closingStart),
      closing: closingStart < 0 ? [] : units.slice(closingStart),
    },
    periodFrom: ym(period[1], period[2]),
    periodTo: ym(period[3], period[4]),
  };
}

/**
 * "Start from last year's plan": every "năm 2021" in the text becomes "năm 2022". Dates and
 * numbers of cited documents ("Quyết định số 10495/KH-UBND ngày 30/12/2020") are left alone:
 * they name real documents, which the drafter replaces by the new year's ones.
 */
export function moveContentToYear(content: PlanContent, fromYear: number, toYear: number): PlanContent {
  const pattern = new RegExp(`([Nn]ăm|NĂM) ${fromYear}(?!\\d)`, 'g');
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(pattern, `$1 ${toYear}`);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(content) as PlanContent;
}

/** "2021-05" moved by whole years. */
export function shiftYearMonth(yearMonth: string, years: number): string {
  const [y, m] = yearMonth.split('-');
  return `${Number(y) + years}-${m}`;
}
