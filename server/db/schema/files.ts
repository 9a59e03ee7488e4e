import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';

/** PostgreSQL bytea as a Buffer on both drivers (PGlite answers Uint8Array, node-postgres Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/**
 * One stored content, named by the SHA-256 of its bytes (content-addressed: the same bytes are
 * stored once, whoever uploads them and to whatever record). `backend` says where the bytes are,
 * so a deployment that moves to a directory later still reads what the database holds.
 */
export const storedFile = pgTable(
  'stored_file',
  {
    sha256: text().primaryKey(),
    size: bigint({ mode: 'number' }).notNull(),
    mediaType: text().notNull(),
    /** 'database' (bytes in stored_file_chunk) | 'directory' (bytes under PAR_FILES_DIR). */
    backend: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('stored_file_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('stored_file_size_check', sql`${t.size} >= 0`),
    check('stored_file_backend_check', sql`${t.backend} in ('database','directory')`),
  ],
);

/** The bytes of a database-stored file, in order, in chunks small enough to stream. */
export const storedFileChunk = pgTable(
  'stored_file_chunk',
  {
    sha256: text()
      .notNull()
      .references(() => storedFile.sha256, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ name: 'stored_file_chunk_pkey', columns: [t.sha256, t.seq] })],
);

/**
 * A file as it belongs to a record: the owner (record type + id), what it is for (purpose), and
 * the name it was uploaded under. Downloads authorize through the owner's access resolver, so a
 * file is never reachable by its id or hash alone.
 */
export const fileAttachment = pgTable(
  'file_attachment',
  {
    id: uuid().primaryKey().defaultRandom(),
    sha256: text()
      .notNull()
      .references(() => storedFile.sha256),
    ownerType: text().notNull(),
    ownerId: uuid().notNull(),
    purpose: text().notNull(),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('file_attachment_owner_idx').on(t.ownerType, t.ownerId, t.purpose), index('file_attachment_sha256_idx').on(t.sha256)],
);
