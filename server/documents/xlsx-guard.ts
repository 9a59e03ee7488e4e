import { createInflateRaw } from 'node:zlib';

/**
 * What one kind of .xlsx upload may hold, checked before ExcelJS reads it. ExcelJS loads the
 * whole workbook (every row and cell as objects) before any row cap can be looked at: an 8 MB
 * file of 820,000 tiny rows took a server with a 1 GB heap past its limit (issue 12, review).
 */
export interface XlsxLimits {
  /** The sum of the entries' unpacked sizes, as the zip's central directory declares them. */
  maxUnzippedBytes: number;
  /** Rows in all the worksheets together, headers included. */
  maxRows: number;
  /** Cells in all the worksheets together (and shared strings): default 64 per allowed row. */
  maxCells?: number;
}

/** The error code an import's job reports for a refusal: too large, or a file it cannot read. */
export const refusalCode = (refused: XlsxRefusal): 'workbook_too_large' | 'unreadable_file' => (refused.code === 'workbook_too_large' ? 'workbook_too_large' : 'unreadable_file');

export interface XlsxRefusal {
  code: 'unreadable_workbook' | 'workbook_too_large';
  reason: string;
  params?: Record<string, string | number>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 2000;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const unreadable = (reason = 'the file is not a readable .xlsx workbook'): XlsxRefusal => ({ code: 'unreadable_workbook', reason });
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The zip's entries from its central directory (nothing inflated), or why it cannot be one. */
function centralDirectory(bytes: Buffer): Entry[] | XlsxRefusal {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL) return unreadable('the file is not an .xlsx workbook');
  // The end record is in the last 22 + 65,535 (its comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return unreadable();
  const count = bytes.readUInt16LE(end + 10);
  const dirOffset = bytes.readUInt32LE(end + 16);
  // 0xffff / 0xffffffff: a ZIP64 archive, which no workbook within our size caps needs.
  if (count === 0xffff || dirOffset === 0xffffffff) return { code: 'workbook_too_large', reason: 'the workbook is a ZIP64 archive: too large to import' };
  if (count > MAX_ENTRIES) return { code: 'workbook_too_large', reason: `the workbook has ${count} parts; at most ${MAX_ENTRIES}` };
  const entries: Entry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) return unreadable();
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const entry: Entry = {
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      return { code: 'workbook_too_large', reason: 'the workbook is a ZIP64 archive: too large to import' };
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Occurrences of `<tag` followed by a space, `>` or `/` (a tag's start, not a longer name) starting before `before`. */
function countTags(text: string, tag: string, before: number): number {
  let n = 0;
  for (let i = text.indexOf(tag); i >= 0 && i < before; i = text.indexOf(tag, i + tag.length)) {
    const next = text.charCodeAt(i + tag.length);
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09) n++;
  }
  return n;
}

/**
 * Inflates one entry a chunk at a time (zlib's thread pool, not the event loop), calling `onText`
 * with each chunk, and stops as soon as it unpacks past its declared size (a lying header) or
 * `onText` says stop. Nothing but one chunk is held.
 */
function inflateEntry(bytes: Buffer, e: Entry, onText: ((text: string, before: number) => boolean) | null, tooLarge: XlsxRefusal): Promise<XlsxRefusal | null> {
  if (e.localOffset + 30 > bytes.length || bytes.readUInt32LE(e.localOffset) !== LOCAL) return Promise.resolve(unreadable());
  const start = e.localOffset + 30 + bytes.readUInt16LE(e.localOffset + 26) + bytes.readUInt16LE(e.localOffset + 28);
  if (start + e.compressedSize > bytes.length) return Promise.resolve(unreadable());
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) return Promise.resolve(unreadable());
    return Promise.resolve(onText && !onText(data.toString('latin1'), e.size) ? tooLarge : null);
  }
  if (e.method !== 8) return Promise.resolve(unreadable());
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let out = 0;
    // The tail of the last chunk, so that a tag cut between two chunks is still seen once.
    let carry = '';
    let settled = false;
    const finish = (result: XlsxRefusal | null) => {
      if (settled) return;
      settled = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(result);
    };
    inflate.on('data', (chunk: Buffer) => {
      out += chunk.length;
      if (out > e.size) return finish({ code: 'workbook_too_large', reason: `the part ${e.name} unpacks to more than it declares` });
      if (onText) {
        // latin1 keeps one character per byte: the tags counted are ASCII.
        // Tags starting in the last 8 characters are counted with the next chunk.
        const text = carry + chunk.toString('latin1');
        const cut = Math.max(0, text.length - 8);
        if (!onText(text, cut)) return finish(tooLarge);
        carry = text.slice(cut);
      }
    });
    inflate.on('error', () => finish(unreadable()));
    inflate.on('end', () => finish(onText && !onText(carry, carry.length) ? tooLarge : null));
    inflate.end(data);
  });
}

/**
 * Checks an .xlsx before it is parsed: first its central directory (no byte inflated: the
 * declared unpacked size against the cap, in microseconds), then every part inflated a chunk at a
 * time and thrown away, counting the worksheets' rows and cells and the shared strings, stopping
 * at the first one past its cap (so a bomb of 800,000 rows is refused after its first 20,000).
 * A part that unpacks to more than it declares is refused too. Returns null when the workbook may
 * be parsed, else why not. Memory: one 64 KB chunk at a time.
 */
export async function checkXlsx(bytes: Buffer, limits: XlsxLimits): Promise<XlsxRefusal | null> {
  const entries = centralDirectory(bytes);
  if (!Array.isArray(entries)) return entries;
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxUnzippedBytes) {
    return { code: 'workbook_too_large', reason: `the workbook unpacks to ${mb(declared)} MB; at most ${mb(limits.maxUnzippedBytes)} MB`, params: { maxMb: mb(limits.maxUnzippedBytes) } };
  }
  const maxCells = limits.maxCells ?? limits.maxRows * 64;
  let rows = 0;
  let cells = 0;
  let strings = 0;
  const tooLarge: XlsxRefusal = { code: 'workbook_too_large', reason: `the workbook holds more than ${limits.maxRows} rows or ${maxCells} cells`, params: { maxRows: limits.maxRows } };
  for (const e of entries) {
    if (e.name.endsWith('/') && e.size === 0) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    const isStrings = /^xl\/sharedStrings\.xml$/i.test(e.name);
    const onText = isSheet
      ? (text: string, before: number) => (rows += countTags(text, '<row', before)) <= limits.maxRows && (cells += countTags(text, '<c', before)) <= maxCells
      : isStrings
        ? (text: string, before: number) => (strings += countTags(text, '<si', before)) <= maxCells
        : null;
    const refused = await inflateEntry(bytes, e, onText, tooLarge);
    if (refused) return refused;
  }
  return null;
}
