/**
 * .docx → PDF through LibreOffice (optional at run time).
 *
 * Each conversion runs with its own user profile: LibreOffice cannot run two conversions on
 * one profile at once, and the second one silently produces nothing (stack.md gotcha 14).
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type PdfConversionErrorCode = 'LIBREOFFICE_UNAVAILABLE' | 'CONVERSION_FAILED' | 'CONVERSION_TIMEOUT';

export class PdfConversionError extends Error {
  constructor(
    readonly code: PdfConversionErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PdfConversionError';
  }
}

const SOFFICE = 'soffice';
let available: boolean | undefined;

/** Whether `soffice` is on PATH. Checked once per process. */
export function isPdfAvailable(): boolean {
  if (available === undefined) {
    try {
      execFileSync('sh', ['-c', `command -v ${SOFFICE}`], { stdio: 'ignore' });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

export interface ConvertOptions {
  /** Kill LibreOffice after this long. A cold start takes about 2 s here, a minute on a loaded machine. */
  timeoutMs?: number;
}

/**
 * Converts a .docx to PDF with `soffice --headless --convert-to pdf`. Throws
 * PdfConversionError with code LIBREOFFICE_UNAVAILABLE when LibreOffice is not installed.
 */
export async function convertDocxToPdf(docx: Uint8Array, options: ConvertOptions = {}): Promise<Buffer> {
  if (!isPdfAvailable()) {
    throw new PdfConversionError('LIBREOFFICE_UNAVAILABLE', 'LibreOffice (soffice) is not installed');
  }
  const id = randomUUID();
  const work = await mkdtemp(path.join(tmpdir(), `docx2pdf-${id}-`));
  const profile = path.join(tmpdir(), `lo-${id}`);
  try {
    const input = path.join(work, 'document.docx');
    await writeFile(input, docx);
    await runSoffice(
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        input,
      ],
      options.timeoutMs ?? 180_000,
    );
    try {
      return await readFile(path.join(work, 'document.pdf'));
    } catch (cause) {
      throw new PdfConversionError('CONVERSION_FAILED', 'LibreOffice produced no PDF', { cause });
    }
  } finally {
    await Promise.all([
      rm(work, { recursive: true, force: true }),
      rm(profile, { recursive: true, force: true }),
    ]);
  }
}

function runSoffice(args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(SOFFICE, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      if (error.killed) {
        return reject(new PdfConversionError('CONVERSION_TIMEOUT', `LibreOffice did not finish in ${timeoutMs} ms`, { cause: error }));
      }
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new PdfConversionError('LIBREOFFICE_UNAVAILABLE', 'LibreOffice (soffice) is not installed', { cause: error }));
      }
      reject(new PdfConversionError('CONVERSION_FAILED', `LibreOffice failed: ${stderr.trim()}`, { cause: error }));
    });
  });
}
