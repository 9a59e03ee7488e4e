import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { zipEntryNames } from './zip-entries.js';

/**
 * What may be uploaded, decided on the content, never on the name: the first bytes say what a
 * file is (file-type), and an Office file must also be a zip holding the main part of its kind.
 */
export const fileKinds = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jfif'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  heic: { mediaType: 'image/heic', extensions: ['heic', 'heif'] },
} as const;
export type FileKind = keyof typeof fileKinds;
export const allFileKinds = Object.keys(fileKinds) as FileKind[];

/** Stable codes of the rules a refused upload broke (the 400's invalidParams code). */
export type FileRuleCode = 'file_empty' | 'file_too_large' | 'file_type_not_allowed' | 'extension_mismatch' | 'ooxml_incomplete';

export class FileRuleError extends Error {
  constructor(
    readonly code: FileRuleCode,
    message: string,
  ) {
    super(message);
    this.name = 'FileRuleError';
  }
}

/** The main part an Office file of each kind must hold ([Content_Types].xml alone proves nothing). */
const OOXML_MAIN_PART: Partial<Record<FileKind, string>> = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' };

function kindOf(ext: string | undefined, mime: string | undefined): FileKind | null {
  switch (ext) {
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    case 'xlsx':
      return 'xlsx';
    case 'jpg':
      return 'jpeg';
    case 'png':
      return 'png';
    case 'heic':
      // image/heic and image/heif stills; not the -sequence (video) brands.
      return mime === 'image/heic' || mime === 'image/heif' ? 'heic' : null;
    default:
      return null;
  }
}

const describe = (accept: readonly FileKind[]) => accept.map((k) => k.toUpperCase()).join(', ');

/**
 * Decides what a received file is. Throws FileRuleError when its content is not one of the
 * accepted kinds, when its name claims another kind (a .xlsx that is a Word document), or when an
 * Office file lacks its main part. A name without an extension is allowed: the content decides.
 */
export async function classifyFile(filePath: string, fileName: string, accept: readonly FileKind[] = allFileKinds): Promise<{ kind: FileKind; mediaType: string }> {
  const detected = await fileTypeFromFile(filePath);
  const kind = kindOf(detected?.ext, detected?.mime);
  if (!kind || !accept.includes(kind)) {
    throw new FileRuleError('file_type_not_allowed', `the content is ${detected?.mime ?? 'not a recognised file type'}; allowed: ${describe(accept)}`);
  }
  const ext = path.extname(fileName).slice(1).toLowerCase();
  if (ext && !(fileKinds[kind].extensions as readonly string[]).includes(ext)) {
    throw new FileRuleError('extension_mismatch', `the name ends in .${ext} but the content is ${kind.toUpperCase()}`);
  }
  const mainPart = OOXML_MAIN_PART[kind];
  if (mainPart) {
    const names = await zipEntryNames(filePath);
    if (!names || !names.includes('[Content_Types].xml') || !names.includes(mainPart)) {
      throw new FileRuleError('ooxml_incomplete', `not a complete ${kind.toUpperCase()} file (no ${mainPart})`);
    }
  }
  return { kind, mediaType: fileKinds[kind].mediaType };
}
