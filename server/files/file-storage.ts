import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { queryRows, type DbOrTx } from '../db/client.js';
import { storedFile } from '../db/schema/index.js';
import { DatabaseBackend, DirectoryBackend, type BlobBackend } from './backends.js';
import { allFileKinds, classifyFile, FileRuleError, type FileKind } from './content-rules.js';

export type StoredFileRow = typeof storedFile.$inferSelect;

/** An upload on local disk, hashed and classified, not yet stored. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  size: number;
  kind: FileKind;
  mediaType: string;
  fileName: string;
}

export interface ReceiveOptions {
  fileName: string;
  /** Kinds the purpose accepts; every allowed kind by default. */
  accept?: readonly FileKind[];
  /** Overrides the configured limit (smaller only makes sense). */
  maxBytes?: number;
}

/**
 * Content-addressed file storage: a file is named by the SHA-256 of its bytes and stored once.
 * Uploads stream to a temporary file while they are hashed and counted (never whole in memory),
 * are checked against the allow-list on their content, and only then stored; a refused file
 * leaves nothing behind. New files go to the configured backend; each row remembers its own.
 */
export class FileStorage {
  readonly database = new DatabaseBackend();
  readonly directory: DirectoryBackend | null;

  constructor(
    readonly backend: BlobBackend,
    readonly maxBytes: number,
  ) {
    this.directory = backend instanceof DirectoryBackend ? backend : null;
  }

  static fromConfig(config: Pick<Config, 'files' | 'maxFileBytes'>): FileStorage {
    const backend = config.files.backend === 'directory' ? new DirectoryBackend(config.files.dir) : new DatabaseBackend();
    return new FileStorage(backend, config.maxFileBytes);
  }

  private backendNamed(name: string): BlobBackend {
    if (name === 'database') return this.database;
    if (name === 'directory' && this.directory) return this.directory;
    throw new Error(`a stored file lives in the ${name} backend, which this server is not configured for (PAR_FILES_DIR)`);
  }

  private async tempPath(): Promise<string> {
    const dir = this.directory ? this.directory.incomingDir : path.join(tmpdir(), 'par-uploads');
    await mkdir(dir, { recursive: true });
    return path.join(dir, randomUUID());
  }

  /**
   * Streams an upload to a temporary file, hashing and counting as it goes; refuses it past the
   * size limit (stopping the copy there) and when its content is not allowed. The caller stores
   * it with `store` and must call `discard` in a finally block.
   */
  async receive(stream: Readable, options: ReceiveOptions): Promise<ReceivedFile> {
    const maxBytes = Math.min(options.maxBytes ?? this.maxBytes, this.maxBytes);
    const tempPath = await this.tempPath();
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new FileRuleError('file_too_large', `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, createWriteStream(tempPath));
      // @fastify/multipart marks a stream it cut at its own limit as truncated.
      if ((stream as { truncated?: boolean }).truncated) throw new FileRuleError('file_too_large', `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
      if (size === 0) throw new FileRuleError('file_empty', 'the file is empty');
      const { kind, mediaType } = await classifyFile(tempPath, options.fileName, options.accept ?? allFileKinds);
      return { tempPath, sha256: hash.digest('hex'), size, kind, mediaType, fileName: options.fileName };
    } catch (err) {
      await rm(tempPath, { force: true });
      // Drain what the client still sends, so the refusal is answered on a healthy connection.
      stream.resume();
      throw err;
    }
  }

  /** Removes the temporary file of a received upload. */
  async discard(received: Pick<ReceivedFile, 'tempPath'>): Promise<void> {
    await rm(received.tempPath, { force: true });
  }

  /**
   * Stores a received file under its hash in the transaction (deduplicated: the same bytes are
   * stored once). Returns the stored_file row.
   */
  async store(tx: DbOrTx, received: ReceivedFile): Promise<StoredFileRow> {
    return insertOnce(tx, received.sha256, received.size, received.mediaType, this.backend, (b) => b.writeFile(tx, received.sha256, received.tempPath));
  }

  /** Stores bytes made by the server (a PDF conversion) in the configured backend. */
  async storeBytes(tx: DbOrTx, bytes: Uint8Array, mediaType: string): Promise<StoredFileRow> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return insertOnce(tx, sha256, bytes.byteLength, mediaType, this.backend, (b) => b.writeBytes(tx, sha256, bytes));
  }

  /**
   * Makes sure a stored file's bytes are in the database (pictures that documents embed, which
   * are frozen with the document): a file in the directory backend is copied and its row moved.
   */
  async copyToDatabase(tx: DbOrTx, sha256: string): Promise<void> {
    const row = await this.find(tx, sha256);
    if (!row) throw new Error(`no stored file ${sha256}`);
    if (row.backend === 'database') return;
    const bytes = await this.readBytes(tx, row);
    await this.database.writeBytes(tx, sha256, bytes);
    await tx.update(storedFile).set({ backend: 'database' }).where(eq(storedFile.sha256, sha256));
  }

  /** The stored_file row of a hash, or null. */
  async find(db: DbOrTx, sha256: string): Promise<StoredFileRow | null> {
    const [row] = await db.select().from(storedFile).where(eq(storedFile.sha256, sha256));
    return row ?? null;
  }

  /** The bytes of a stored file, streamed from wherever they live. */
  open(db: DbOrTx, row: Pick<StoredFileRow, 'sha256' | 'backend'>): Readable {
    return this.backendNamed(row.backend).read(db, row.sha256);
  }

  /** The whole content in memory: only for small generated files (a .docx to convert). */
  async readBytes(db: DbOrTx, row: Pick<StoredFileRow, 'sha256' | 'backend'>): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.open(db, row)) parts.push(chunk as Buffer);
    return Buffer.concat(parts);
  }

  /**
   * Deletes stored files nothing refers to (no attachment, issued document or conversion), with
   * their bytes. Files younger than `graceMs` are left alone: an upload may be between storing
   * its bytes and linking them.
   */
  async sweepUnreferenced(db: DbOrTx, graceMs = 60 * 60 * 1000): Promise<number> {
    const rows = await queryRows<{ sha256: string; backend: string }>(
      db,
      sql`delete from stored_file f
          where f.created_at < now() - make_interval(secs => ${graceMs / 1000})
            and not exists (select 1 from file_attachment a where a.sha256 = f.sha256)
            and not exists (select 1 from issued_document d where d.docx_sha256 = f.sha256)
            and not exists (select 1 from document_conversion c where c.source_sha256 = f.sha256 or c.result_sha256 = f.sha256)
          returning f.sha256, f.backend`,
    );
    for (const row of rows) if (row.backend === 'directory' && this.directory) await this.directory.remove(db, row.sha256);
    return rows.length;
  }
}

async function insertOnce(tx: DbOrTx, sha256: string, size: number, mediaType: string, backend: BlobBackend, write: (b: BlobBackend) => Promise<void>): Promise<StoredFileRow> {
  // Concurrent stores of the same bytes: the second insert waits on the key, then does nothing.
  const [inserted] = await tx.insert(storedFile).values({ sha256, size, mediaType, backend: backend.name }).onConflictDoNothing().returning();
  if (inserted) {
    await write(backend);
    return inserted;
  }
  const [existing] = await tx.select().from(storedFile).where(eq(storedFile.sha256, sha256));
  return existing;
}

const databaseBackend = new DatabaseBackend();

/**
 * Stores generated bytes in the database whatever the configuration, in the caller's
 * transaction: for issued documents, which belong beside their register entry.
 */
export async function storeBytesInDatabase(tx: DbOrTx, bytes: Uint8Array, mediaType: string): Promise<StoredFileRow> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return insertOnce(tx, sha256, bytes.byteLength, mediaType, databaseBackend, (b) => b.writeBytes(tx, sha256, bytes));
}
