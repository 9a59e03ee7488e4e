import { inArray } from 'drizzle-orm';
import type { Annex } from '../../../shared/api/blocks.schemas.js';
import type { RequestLetter, TemplateBody } from '../../../shared/api/reports.schemas.js';
import { compareVietnamese } from '../../../shared/domain/vietnamese.js';
import { agency } from '../../db/schema/index.js';
import { documentSymbol, formatDocumentNumber } from '../../../shared/domain/document-types.js';
import type { DbOrTx } from '../../db/client.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { LetterDocumentModel } from '../../documents/model.js';
import { documentDate, issuerInfo, shortDate } from '../document-register/issuer-header.js';
import { reportBlocks } from './report-blocks.js';
import { findRequest, findTemplate, findVisibleRequest, type RequestRow } from './reports.repository.js';


export function requestFileName(r: RequestRow): string {
  const year = r.dueOn.slice(0, 4);
  return registeredFileName('cong-van', r, year);
}

/** The letter's default addressee: the units are then listed (in Kính gửi when few, else in an annex). */
export const LISTED_ADDRESSEES = 'Các cơ quan, đơn vị có tên trong danh sách kèm theo';
/** Up to this many units asked are named in "Kính gửi" itself; more get the annex "Danh sách cơ quan, đơn vị". */
export const MAX_NAMED_ADDRESSEES = 3;

/** The names of the units a request asks, in Vietnamese order. */
async function unitsAsked(db: DbOrTx, r: RequestRow): Promise<string[]> {
  const ids = (r.targetAgencyIds as string[] | null) ?? [];
  if (!ids.length) return [];
  const rows = await db.select({ name: agency.name }).from(agency).where(inArray(agency.id, ids));
  return rows.map((x) => x.name).sort(compareVietnamese);
}

/**
 * Who the letter is addressed to: its own addressees, or — when they are "the units named in the
 * list attached" — the units themselves when few, else the list as an annex (TT, name).
 */
function addresseesAndList(letter: RequestLetter, units: string[], subtitle: string): { addressees: string[]; list: Annex | null } {
  const listed = letter.addressees.some((a) => a.trim().replace(/[;.]$/, '') === LISTED_ADDRESSEES);
  if (!listed || !units.length) return { addressees: letter.addressees, list: null };
  if (units.length <= MAX_NAMED_ADDRESSEES) return { addressees: letter.addressees.flatMap((a) => (a.trim().replace(/[;.]$/, '') === LISTED_ADDRESSEES ? units : [a])), list: null };
  return {
    addressees: letter.addressees,
    list: {
      label: 'Phụ lục I',
      title: 'DANH SÁCH CƠ QUAN, ĐƠN VỊ',
      subtitle,
      blocks: [
        {
          kind: 'table',
          columns: [{ width: 10, align: 'center' }, { width: 90 }],
          header: [{ cells: ['TT', 'Tên cơ quan, đơn vị'] }],
          rows: units.map((name, i) => ({ cells: [String(i + 1), name] })),
        },
      ],
    },
  };
}

/**
 * The ad hoc request as a công văn (Mẫu 1.5): "V/v …", Kính gửi (the units asked, or the list of
 * them as Phụ lục I), the body, the template's outline and tables as the annex. Frozen at issue
 * with what it printed: a letter issued before the list was printed stays without it.
 */
export async function requestLetterModel(db: DbOrTx, r: RequestRow): Promise<LetterDocumentModel> {
  const issuer = await issuerInfo(db, r.ownerAgencyId);
  const letter = r.letter as RequestLetter;
  const template = (await findTemplate(db, r.templateId))!;
  const issued = r.status !== 'draft' && r.number !== null;
  const symbol = r.symbol ?? documentSymbol('cong_van', issuer.docAbbreviation ?? 'UBND', issuer.kind === 'peoples_committee' ? 'NV' : null);
  const subtitle = `(Kèm theo Công văn số ${issued ? formatDocumentNumber(r.number!, symbol) : `     /${symbol}`}${issued && r.issuedOn ? ` ngày ${shortDate(r.issuedOn)}` : ''} của ${issuer.name})`;
  const { addressees, list } = addresseesAndList(letter, await unitsAsked(db, r), subtitle);
  return {
    layout: 'letter',
    issuer: issuer.body,
    ...(issued ? { number: r.number! } : {}),
    symbol,
    placeName: issuer.placeName,
    date: issued && r.issuedOn ? documentDate(r.issuedOn) : { year: Number(r.dueOn.slice(0, 4)) },
    typeName: 'CÔNG VĂN',
    summary: letter.summary,
    draft: !issued,
    addressees,
    body: letter.paragraphs.map((p) => ({ kind: 'paragraph' as const, content: p })),
    recipients: letter.recipients,
    signature: letter.signature,
    annexes: [
      ...(list ? [list] : []),
      {
        label: list ? 'Phụ lục II' : 'Phụ lục',
        title: `ĐỀ CƯƠNG, BIỂU MẪU BÁO CÁO: ${template.name.toLocaleUpperCase('vi')}`,
        subtitle,
        blocks: reportBlocks(template.body as TemplateBody, null),
      },
    ],
  };
}

/** The request letter as a document kind: who sees the request downloads it; frozen at issue. */
export const requestLetterDocument = defineRecordDocumentKind({
  code: 'report-request',
  typeCode: 'cong_van',
  template: 'Mẫu 1.5',
  subjectType: 'report_request',
  recordName: 'report request',
  findVisible: findVisibleRequest,
  find: findRequest,
  applies: (r) => r.kind === 'ad_hoc',
  fileName: (_db, r) => requestFileName(r),
  model: requestLetterModel,
});
