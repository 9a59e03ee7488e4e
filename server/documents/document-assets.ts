import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { storedFile } from '../db/schema/index.js';
import { DatabaseBackend } from '../files/backends.js';
import type { DocumentAssets, ImageAsset } from './decree30-blocks.js';
import type { Block, DocumentModel, FlatBlock } from './model.js';

/** Width and height in pixels of a PNG (IHDR) or a baseline/progressive JPEG (SOFn), or null. */
export function imageSize(data: Buffer): { type: 'png' | 'jpg'; width: number; height: number } | null {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString('latin1', 12, 16) === 'IHDR') {
    return { type: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length) {
      if (data[at] !== 0xff) return null;
      const marker = data[at + 1];
      const length = data.readUInt16BE(at + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}

function blocksOf(model: DocumentModel): FlatBlock[] {
  const flat = (blocks: readonly Block[]): FlatBlock[] => blocks.flatMap((b) => (b.kind === 'landscape' ? b.blocks : [b]));
  const body = model.layout === 'decision' ? model.articles.flatMap((a) => a.blocks ?? []) : model.body;
  return [...flat(body), ...(model.annexes ?? []).flatMap((a) => a.blocks)];
}

/** The hashes of the pictures a document model names. */
export function imageHashes(model: DocumentModel): string[] {
  return [...new Set(blocksOf(model).flatMap((b) => (b.kind === 'image' ? [b.sha256] : [])))];
}

const database = new DatabaseBackend();

/**
 * Loads the pictures a model names (PNG or JPEG only: Word cannot show HEIC). Pictures placed in
 * documents live in the database, like the frozen documents that embed them (a module copies an
 * attached photo there with FileStorage.copyToDatabase). Throws when one is missing, elsewhere
 * or of another kind: a document is never built with a hole in it.
 */
export async function loadDocumentAssets(db: DbOrTx, model: DocumentModel): Promise<DocumentAssets> {
  const hashes = imageHashes(model);
  if (!hashes.length) return { images: new Map() };
  const rows = await db.select().from(storedFile).where(inArray(storedFile.sha256, hashes));
  const images = new Map<string, ImageAsset>();
  for (const sha of hashes) {
    const row = rows.find((r) => r.sha256 === sha);
    if (!row) throw new Error(`the document names a picture that is not stored (${sha})`);
    if (row.backend !== 'database') throw new Error(`picture ${sha} is stored in the ${row.backend} backend; copy it to the database first (FileStorage.copyToDatabase)`);
    const parts: Buffer[] = [];
    for await (const chunk of database.read(db, sha)) parts.push(chunk as Buffer);
    const data = Buffer.concat(parts);
    const size = imageSize(data);
    if (!size) throw new Error(`picture ${sha} is not a PNG or JPEG`);
    images.set(sha, { data, type: size.type, widthPx: size.width, heightPx: size.height });
  }
  return { images };
}
