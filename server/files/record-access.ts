import type { DbOrTx } from '../db/client.js';
import type { Actor } from '../http/actor.js';
import type { AuditScope } from '../modules/audit/audit-log.js';
import type { FileKind } from './content-rules.js';

/** What a file may be attached to a record for, and which kinds of file it takes. */
export interface AttachmentPurpose {
  /** Kinds accepted for this purpose (content-checked); every allowed kind when omitted. */
  accept?: readonly FileKind[];
  /** At most this many files of the purpose on one record. */
  maxFiles?: number;
  /** A limit below the installation's PAR_MAX_FILE_MB (a resized photo is far smaller). */
  maxBytes?: number;
}

/**
 * How a record type decides who may see and change its files. Modules register one per record
 * type they own; the file routes ask it before any work, and a file is never served by id alone.
 * `canRead` false answers 404 (the caller may not even learn the record exists); `canAttach`
 * false on a readable record answers 403.
 */
export interface RecordAccessResolver {
  canRead(db: DbOrTx, actor: Actor, recordId: string): Promise<boolean>;
  canAttach(db: DbOrTx, actor: Actor, recordId: string, purpose: string): Promise<boolean>;
  /**
   * Why a file of the purpose may no longer be removed although files may still be added (the
   * signed scan of final minutes is kept), or null; asked after canAttach. Omitted: whoever may
   * attach may remove. A refusal answers 409 DOCUMENT_ISSUED.
   */
  removalRefusal?(db: DbOrTx, actor: Actor, recordId: string, purpose: string): Promise<string | null>;
  /** Where the record belongs, for the audit events of its files (asked after canAttach). */
  auditScope(db: DbOrTx, actor: Actor, recordId: string): Promise<AuditScope>;
  purposes: Record<string, AttachmentPurpose>;
}

const resolvers = new Map<string, RecordAccessResolver>();

/**
 * Registers the access rules of a record type ('plan', 'team', later 'inspection', 'report'…).
 * Call it once, at module load (see server/modules/plans/plans.files.ts).
 */
export function registerRecordAccess(recordType: string, resolver: RecordAccessResolver): void {
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(recordType)) throw new Error(`invalid record type name ${recordType}`);
  const existing = resolvers.get(recordType);
  if (existing && existing !== resolver) throw new Error(`record type ${recordType} already has an access resolver`);
  resolvers.set(recordType, resolver);
}

export function recordAccess(recordType: string): RecordAccessResolver | null {
  return resolvers.get(recordType) ?? null;
}

export function registeredRecordTypes(): string[] {
  return [...resolvers.keys()].sort();
}
