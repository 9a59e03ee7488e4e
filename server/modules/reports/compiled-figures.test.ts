import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SubmissionContent, TemplateTable } from '../../../shared/api/reports.schemas.js';
import type { FlatBlock } from '../../documents/model.js';
import { CompiledFigures } from './compilation-report.js';
import { reportBlocks, tableBlock } from './report-blocks.js';
import { compilationWorkbook, submissionTablesWorkbook } from './report-workbooks.js';
import { periodicReportBody } from './standard-templates.js';
import { readTemplateForm, templateFormWorkbook } from './template-form-workbook.js';
import { sampleBody } from './test-support.js';

/**
 * What the compiled figures and printed tables say (issue 9 review): a ratio recomputed from the
 * summed counts, not the average of the units' percentages; every column of Biểu 6 compiled; no
 * "Tổng cộng" over rows that measure different things; blank outlines with empty totals; dates
 * as real Excel dates; blank lines of an open table left out.
 */
const body = periodicReportBody();
const table = (key: string) => body.items.find((i): i is TemplateTable => i.type === 'table' && i.key === key)!;
type Cell = Extract<FlatBlock, { kind: 'table' }>['rows'][number]['cells'][number];
const cellText = (c: Cell): string => (typeof c === 'string' ? c : Array.isArray(c) ? c.map((r) => r.text).join('') : typeof c.content === 'string' ? c.content : c.content.map((r) => r.text).join(''));
const texts = (b: FlatBlock) => {
  if (b.kind !== 'table') throw new Error('not a table');
  return b.rows.map((r) => r.cells.map(cellText));
};

/** Two units' reports of the standard periodic template, figures chosen by hand. */
function unitContent(land: { received: number; on_time: number; late: number; rate: number }, egov: Record<string, number | boolean>, tasks: number): SubmissionContent {
  const rows = (t: TemplateTable) => (t.fixedRows ?? []).map(() => ({}) as Record<string, number | boolean | string | null>);
  const tables: SubmissionContent['tables'] = {};
  for (const item of body.items) if (item.type === 'table') tables[item.key] = rows(item);
  tables.dossiers[0] = { received: land.received, on_time: land.on_time, late: land.late, on_time_rate: land.rate };
  tables.finance_egov[0] = egov;
  tables.plan_tasks[0] = { planned: tasks, done: tasks - 1 };
  tables.plan_tasks[1] = { planned: 3, done: 2 };
  return { answers: {}, tables };
}

describe('the compiled figures of the standard periodic report', () => {
  const f = new CompiledFigures(body);
  // Unit 1: 1000 on time, 10 late (99,0%); unit 2: 172 on time, 16 late (91,5%).
  f.add(unitContent({ received: 1015, on_time: 1000, late: 10, rate: 99 }, { autonomous_units: 1, e_documents: 90, digital_signature: 80, iso: true }, 20));
  f.add(unitContent({ received: 190, on_time: 172, late: 16, rate: 91.5 }, { autonomous_units: 2, e_documents: 95, digital_signature: 85, iso: false }, 12));

  it('recomputes the on-time rate from the summed counts (1172/1198 = 97,8%), not the average of the percentages (95,3%)', () => {
    const dossiers = table('dossiers');
    const rate = dossiers.columns.find((c) => c.key === 'on_time_rate')!;
    expect(f.cell(dossiers, 0, rate)).toBe('97,8%');
    expect(f.cell(dossiers, 0, dossiers.columns.find((c) => c.key === 'on_time')!)).toBe('1.172');
    // A row no unit filled: nothing to compute from.
    expect(f.cell(dossiers, 1, rate)).toBe('');
  });

  it('fills Biểu 6: the count summed, each percentage averaged over the units and labelled so, ISO counted as Có: n/N đơn vị', () => {
    const egov = table('finance_egov');
    const cells = egov.columns.map((c) => f.cell(egov, 0, c));
    expect(cells).toEqual(['3', '92,5%', '82,5%', 'Có: 1/2 đơn vị', '']);
  });

  it('sums each row of Biểu 1 over the units (tasks with tasks, units with units)', () => {
    const plan = table('plan_tasks');
    expect(plan.columns.map((c) => f.cell(plan, 0, c))).toEqual(['32', '30', '']);
    expect(plan.columns.map((c) => f.cell(plan, 1, c))).toEqual(['6', '4', '']);
  });
});

describe('totals of a printed table', () => {
  it('has no "Tổng cộng" for Biểu 1 and Biểu 2, whose rows measure different things', () => {
    for (const key of ['plan_tasks', 'procedure_counts']) {
      const printed = texts(tableBlock(table(key), table(key).fixedRows!.map(() => ({ planned: 5, done: 4, count: 7 }))));
      expect(printed.flat()).not.toContain('Tổng cộng');
    }
  });

  it('totals Biểu 3 per column and recomputes its rate from the totals', () => {
    const dossiers = table('dossiers');
    const rows = dossiers.fixedRows!.map(() => ({}) as Record<string, number>);
    rows[0] = { received: 1015, on_time: 1000, late: 10, on_time_rate: 99 };
    rows[1] = { received: 190, on_time: 172, late: 16, on_time_rate: 91.5 };
    expect(texts(tableBlock(dossiers, rows)).at(-1)).toEqual(['Tổng cộng', '1.205', '0', '1.172', '26', '0', '97,8%']);
  });

  it('leaves the total cells of a blank outline (the letter’s annex) empty, not 0', () => {
    const blocks = reportBlocks(body, null).filter((b) => b.kind === 'table');
    const dossiers = texts(blocks.find((b) => b.kind === 'table' && !!b.caption?.startsWith('Biểu 3'))!);
    expect(dossiers.at(-1)).toEqual(['Tổng cộng', '', '', '', '', '', '']);
    expect(blocks.flatMap(texts).flat()).not.toContain('0');
  });

  it('leaves the total row of an unfilled report’s tables.xlsx empty', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await submissionTablesWorkbook(body, { answers: {}, tables: {} }, 'x')) as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((w) => w.name.startsWith('Biểu 3'))!;
    expect((sheet.getRow(sheet.rowCount).values as unknown[]).slice(1)).toEqual(['Tổng cộng', '']);
  });
});

describe('dates and blank lines in .xlsx', () => {
  const content: SubmissionContent = {
    answers: {},
    tables: { dossiers: [{ received: 5 }, {}], tasks: [{ task: 'Niêm yết TTHC', deadline: '2026-06-30', done: true }, {}, { task: '30/06/2026' }] },
  };

  it('writes a date column as real Excel dates shown dd/mm/yyyy, a text column’s date-like text as text, and leaves out blank lines', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await submissionTablesWorkbook(sampleBody(), content, 'x')) as unknown as ArrayBuffer);
    const tasks = wb.worksheets[1];
    const deadline = tasks.getCell('C2');
    expect(deadline.value).toEqual(new Date(Date.UTC(2026, 5, 30)));
    expect(deadline.numFmt).toBe('dd/mm/yyyy');
    expect(tasks.getCell('B3').value).toBe('30/06/2026');
    expect(tasks.rowCount).toBe(3);
  });

  it('writes dates as dates in the compilation too, one row per unit’s non-blank line', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await compilationWorkbook(sampleBody(), [{ agencyName: 'Phường A', content }], 'x')) as unknown as ArrayBuffer);
    const tasks = wb.worksheets[1];
    expect(tasks.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 5, 30)));
    expect(tasks.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(tasks.rowCount).toBe(3);
  });

  it('reads a date pasted into a text cell of the form (kept by Excel as its day number) as dd/mm/yyyy text', async () => {
    const template = { id: '00000000-0000-4000-8000-000000000001', code: 'x', revision: 1, name: 'x', body: sampleBody() };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateFormWorkbook(template, null)) as unknown as ArrayBuffer);
    const tasks = wb.worksheets[1];
    tasks.getCell('C3').value = new Date(Date.UTC(2026, 11, 30)); // the cell stays "@": Excel stores 46386
    tasks.getCell('C4').value = 2021; // a year stays a year
    const read = await readTemplateForm(Buffer.from(await wb.xlsx.writeBuffer()), template);
    expect(read.ok && read.tables.tasks).toEqual([{ task: '30/12/2026' }, { task: '2021' }]);
  });
});
