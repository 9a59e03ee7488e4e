import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.js';

/** Bytes per stored chunk: small enough to stream, large enough that a 25 MB file is 50 rows. */
export const CHUNK_BYTES = 512 * 1024;

export type BackendName = 'database' | 'directory';

/**
 * Where the bytes of a stored file live. The stored_file row (hash, size, media type, backend)
 * is written by FileStorage; a backend only moves bytes.
 */
export interface BlobBackend {
  readonly name: BackendName;
  /** Stores the bytes of a local file under its hash. The database backend writes in `tx`. */
  writeFile(tx: DbOrTx, sha256: string, filePath: string): Promise<void>;
  /** Stores bytes already in memory (generated documents, a few hundred KB). */
  writeBytes(tx: DbOrTx, sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, streamed. */
  read(db: DbOrTx, sha256: string): Readable;
  /** Removes the bytes (only for a file nothing refers to any more). */
  remove(tx: DbOrTx, sha256: string): Promise<void>;
}

/**
 * Bytes in the database, in chunks of stored_file_chunk: the default. One backup holds
 * everything, writes share the caller's transaction, and it runs on PGlite.
 */
export class DatabaseBackend implements BlobBackend {
  readonly name = 'database';

  /**
   * Chunks travel as base64 text decoded by the database: PGlite serialises a binary parameter
   * byte by byte (a 25 MB upload took 77 s), base64 about ten times faster (bench/files.bench.ts).
   */
  private async insertChunk(tx: DbOrTx, sha256: string, seq: number, data: Buffer): Promise<void> {
    await tx.execute(sql`insert into stored_file_chunk (sha256, seq, data) values (${sha256}, ${seq}, decode(${data.toString('base64')}, 'base64'))`);
  }

  async writeFile(tx: DbOrTx, sha256: string, filePath: string): Promise<void> {
    let seq = 0;
    for await (const chunk of createReadStream(filePath, { highWaterMark: CHUNK_BYTES })) {
      await this.insertChunk(tx, sha256, seq++, chunk as Buffer);
    }
  }

  async writeBytes(tx: DbOrTx, sha256: string, bytes: Uint8Array): Promise<void> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0, seq = 0; offset < buffer.length || seq === 0; offset += CHUNK_BYTES, seq++) {
      await this.insertChunk(tx, sha256, seq, buffer.subarray(offset, offset + CHUNK_BYTES));
    }
  }

  read(db: DbOrTx, sha256: string): Readable {
    // One chunk per query, so a download holds one chunk in memory, not the file.
    async function* chunks() {
      for (let seq = 0; ; seq++) {
        const [row] = await queryRows<{ data: string }>(db, sql`select encode(data, 'base64') as data from stored_file_chunk where sha256 = ${sha256} and seq = ${seq}`);
        if (!row) return;
        if (row.data.length) yield Buffer.from(row.data, 'base64');
      }
    }
    return Readable.from(chunks());
  }

  async remove(tx: DbOrTx, sha256: string): Promise<void> {
    await tx.execute(sql`delete from stored_file_chunk where sha256 = ${sha256}`);
  }
}

/**
 * Bytes as files under a directory (PAR_FILES_DIR), for large deployments on shared storage:
 * `ab/cd/abcd…` by hash. Writes are not transactional: a file whose row was rolled back stays
 * on disk until the sweep removes it (sweepUnreferencedFiles).
 */
export class DirectoryBackend implements BlobBackend {
  readonly name = 'directory';
  constructor(readonly root: string) {}

  /** Uploads land here first, on the same file system, so storing them is a rename. */
  get incomingDir(): string {
    return path.join(this.root, '.incoming');
  }

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private async exists(file: string): Promise<boolean> {
    return stat(file).then(
      () => true,
      () => false,
    );
  }

  async writeFile(_tx: DbOrTx, sha256: string, filePath: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.exists(target)) return;
    await mkdir(path.dirname(target), { recursive: true });
    // Copy into a private name, then rename: a reader never sees a half-written file.
    const partial = `${target}.${process.pid}.${Date.now()}.partial`;
    try {
      await link(filePath, partial).catch(() => copyFile(filePath, partial));
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  }

  async writeBytes(_tx: DbOrTx, sha256: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.exists(target)) return;
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, target);
  }

  read(_db: DbOrTx, sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async remove(_tx: DbOrTx, sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}
