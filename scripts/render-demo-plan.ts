/**
 * Renders the seed plan (as issued, No. 15 of 05/5/2021, and as a draft), the sample team
 * decision and samples of every building block (server/documents/samples.ts) to .docx, PDF and
 * PNG pages, for looking at the layout.
 *
 *   npx tsx scripts/render-demo-plan.ts [outdir]     (default tmp/render, gitignored)
 *
 * PDF needs LibreOffice (soffice); PNG needs poppler (pdftoppm). Missing tools are reported
 * and skipped.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sampleTeamDecision2021, seedPlan2021 } from '../server/db/seed/plan-2021.js';
import { renderDocx } from '../server/documents/decree30-docx.js';
import { convertDocxToPdf, isPdfAvailable } from '../server/documents/pdf.js';
import { sampleLetter, sampleMinutes, sampleReport } from '../server/documents/samples.js';

const run = promisify(execFile);

async function hasPdftoppm(): Promise<boolean> {
  try {
    await run('sh', ['-c', 'command -v pdftoppm']);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? 'tmp/render');
  await mkdir(outDir, { recursive: true });
  const issued = { ...seedPlan2021, number: 15, date: { year: 2021, month: 5, day: 5 } };
  const draft = { ...seedPlan2021, draft: true };
  const documents: Array<[string, Promise<Buffer>]> = [
    ['ke-hoach-15-2021', renderDocx(issued)],
    ['ke-hoach-du-thao', renderDocx(draft)],
    ['quyet-dinh-doan-kiem-tra', renderDocx(sampleTeamDecision2021)],
    // The building blocks the coming documents use: tables, landscape pages, annexes,
    // several signatures, the công văn layout.
    ['mau-bao-cao-phu-luc', renderDocx(sampleReport)],
    ['mau-bien-ban', renderDocx(sampleMinutes)],
    ['mau-cong-van', renderDocx(sampleLetter)],
  ];
  const pdf = isPdfAvailable();
  const png = pdf && (await hasPdftoppm());
  if (!pdf) console.warn('soffice not found: writing .docx only');
  else if (!png) console.warn('pdftoppm not found: no PNG pages');

  for (const [name, bytes] of documents) {
    const docx = await bytes;
    const docxPath = path.join(outDir, `${name}.docx`);
    await writeFile(docxPath, docx);
    console.log(docxPath);
    if (!pdf) continue;
    const pdfPath = path.join(outDir, `${name}.pdf`);
    await writeFile(pdfPath, await convertDocxToPdf(docx));
    console.log(pdfPath);
    if (!png) continue;
    // Pages from an earlier, longer render would otherwise linger beside the new ones.
    for (const file of await readdir(outDir)) {
      if (file.startsWith(`${name}-`) && file.endsWith('.png')) await rm(path.join(outDir, file));
    }
    await run('pdftoppm', ['-png', '-r', '100', pdfPath, path.join(outDir, name)]);
    console.log(`${path.join(outDir, name)}-N.png`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
