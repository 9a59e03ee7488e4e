import type { ChecklistItem, Evidence } from '../../../../../shared/api/checklists.schemas.js';
import type { Rating } from '../../../../../shared/domain/checklists.js';
import { ApiError, isApiError } from '../../../lib/api-client.js';

/**
 * The device's outbox of checklist work (issue 10 §2, docs/decisions/offline-checklists.md):
 * every answer, photo, file and document sighted is written here first and removed only when the
 * server has acknowledged it, so nothing typed is lost to a dead network, a closed tab or a
 * conflict. The store (IndexedDB in the browser, memory in tests) and the transport (the API) are
 * injected, so the rules below are tested without either.
 */

export interface AnswerValues {
  rating: Rating | null;
  numberValue: number | null;
  textValue: string | null;
  note: string | null;
}

interface OpBase {
  /** The idempotency key the server knows the save by (clientRevisionId / clientId). */
  key: string;
  /** Order of entry on this device. */
  seq: number;
  inspectionId: string;
  itemId: string;
  /** Times sent without an answer from the server. */
  attempts: number;
  /** A refusal that retrying cannot cure (validation, forbidden): kept, shown, not resent. */
  failedCode: string | null;
}

export interface AnswerOp extends OpBase {
  type: 'answer';
  /** The item version this answer was typed from. */
  version: number;
  editedAt: string;
  values: AnswerValues;
  onConflict: 'reject' | 'keep_both';
}

export interface UploadOp extends OpBase {
  type: 'upload';
  kind: 'photo' | 'file';
  blob: Blob;
  fileName: string;
  capturedAt: string | null;
}

export interface DocumentOp extends OpBase {
  type: 'document';
  documentTitle: string;
  documentNumber: string | null;
  documentDate: string | null;
  note: string | null;
}

export type QueuedOp = AnswerOp | UploadOp | DocumentOp;

/** Where the queue keeps its operations between page loads. */
export interface QueueStore {
  all(): Promise<QueuedOp[]>;
  put(op: QueuedOp): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The server's answer to a save, as the transport passes it back. */
export interface AnswerResult {
  item: ChecklistItem;
  outcome: 'saved' | 'kept_in_history' | 'already_saved';
}

/** How operations reach the server; each throws an ApiError (code NETWORK when unreachable). */
export interface QueueTransport {
  saveAnswer(op: AnswerOp): Promise<AnswerResult>;
  upload(op: UploadOp): Promise<Evidence>;
  addDocument(op: DocumentOp): Promise<Evidence>;
}

export type QueueEvent =
  | { type: 'answer_synced'; op: AnswerOp; result: AnswerResult }
  | { type: 'evidence_synced'; op: UploadOp | DocumentOp; evidence: Evidence }
  | { type: 'changed' };

export class MemoryQueueStore implements QueueStore {
  private readonly ops = new Map<string, QueuedOp>();
  async all() {
    return [...this.ops.values()];
  }
  async put(op: QueuedOp) {
    this.ops.set(op.key, structuredCloneSafe(op));
  }
  async delete(key: string) {
    this.ops.delete(key);
  }
}

// Blobs are kept as they are (IndexedDB clones them itself).
const structuredCloneSafe = <T extends QueuedOp>(op: T): T => ({ ...op, ...(op.type === 'answer' ? { values: { ...op.values } } : {}) });

const bySeq = (a: QueuedOp, b: QueuedOp) => a.seq - b.seq;

/** Retrying cannot help: the server refused the content itself. */
function permanent(error: ApiError): boolean {
  // A session that ended or a token lost on reload: signing in again lets it through.
  if (error.code === 'CSRF_TOKEN_INVALID' || error.code === 'PASSWORD_CHANGE_REQUIRED') return false;
  if (error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429) return false;
  return error.status >= 400 && error.status < 500;
}

export class OfflineQueue {
  private ops: QueuedOp[] = [];
  private loaded: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  private again = false;
  private seq = 0;
  private readonly listeners = new Set<(e: QueueEvent) => void>();
  /** False after a network failure, true after a send succeeded. */
  online = true;

  constructor(
    private readonly store: QueueStore,
    private readonly transport: QueueTransport,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  subscribe(listener: (e: QueueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: QueueEvent) {
    for (const l of this.listeners) l(e);
  }

  /** Loads what a previous page left in the store (once). */
  load(): Promise<void> {
    this.loaded ??= this.store.all().then((ops) => {
      this.ops = ops.sort(bySeq);
      this.seq = Math.max(this.now().getTime() * 1000, ...ops.map((o) => o.seq + 1));
      this.emit({ type: 'changed' });
    });
    return this.loaded;
  }

  /** The operations not yet acknowledged, in order of entry. */
  pending(): QueuedOp[] {
    return [...this.ops];
  }

  private nextSeq() {
    this.seq = Math.max(this.seq + 1, this.now().getTime() * 1000);
    return this.seq;
  }

  private async add(op: QueuedOp) {
    await this.load();
    await this.store.put(op);
    this.ops.push(op);
    this.emit({ type: 'changed' });
  }

  /**
   * Queues an item's answer typed from `version`. An answer still waiting and never sent is
   * replaced (the server never saw it); one already sent stays, and this one follows it.
   */
  async saveAnswer(input: { inspectionId: string; itemId: string; version: number; values: AnswerValues }): Promise<AnswerOp> {
    await this.load();
    const waiting = this.ops.find((o): o is AnswerOp => o.type === 'answer' && o.itemId === input.itemId && o.attempts === 0 && o.failedCode === null);
    const editedAt = this.now().toISOString();
    if (waiting) {
      const op: AnswerOp = { ...waiting, values: { ...input.values }, editedAt };
      await this.store.put(op);
      this.ops[this.ops.indexOf(waiting)] = op;
      this.emit({ type: 'changed' });
      return op;
    }
    const op: AnswerOp = {
      type: 'answer',
      key: this.newId(),
      seq: this.nextSeq(),
      inspectionId: input.inspectionId,
      itemId: input.itemId,
      attempts: 0,
      failedCode: null,
      version: input.version,
      editedAt,
      values: { ...input.values },
      onConflict: 'reject',
    };
    await this.add(op);
    return op;
  }

  async addUpload(input: { inspectionId: string; itemId: string; kind: 'photo' | 'file'; blob: Blob; fileName: string; capturedAt: string | null }): Promise<UploadOp> {
    const op: UploadOp = { type: 'upload', key: this.newId(), seq: this.nextSeq(), attempts: 0, failedCode: null, ...input };
    await this.add(op);
    return op;
  }

  async addDocument(input: { inspectionId: string; itemId: string; documentTitle: string; documentNumber: string | null; documentDate: string | null; note: string | null }): Promise<DocumentOp> {
    const op: DocumentOp = { type: 'document', key: this.newId(), seq: this.nextSeq(), attempts: 0, failedCode: null, ...input };
    await this.add(op);
    return op;
  }

  /** Drops a refused operation the person chose to discard. */
  async discard(key: string): Promise<void> {
    await this.load();
    this.ops = this.ops.filter((o) => o.key !== key);
    await this.store.delete(key);
    this.emit({ type: 'changed' });
  }

  /**
   * Sends what waits, in order of entry, until the network fails. One flush at a time; a call
   * during a flush makes it run once more at the end.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      try {
        do {
          this.again = false;
          await this.load();
          await this.sendAll();
        } while (this.again && this.online);
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private async sendAll() {
    for (const key of [...this.ops].sort(bySeq).map((o) => o.key)) {
      const current = this.ops.find((o) => o.key === key);
      if (!current || current.failedCode !== null) continue;
      const sent = { ...current, attempts: current.attempts + 1 } as QueuedOp;
      await this.replace(sent);
      try {
        await this.sendOne(sent);
        this.online = true;
      } catch (error) {
        if (!isApiError(error)) throw error;
        if (!permanent(error)) {
          this.online = error.status !== 0 ? this.online : false;
          this.emit({ type: 'changed' });
          return;
        }
        this.online = true;
        await this.replace({ ...sent, failedCode: error.code });
      }
    }
  }

  private async replace(op: QueuedOp) {
    const i = this.ops.findIndex((o) => o.key === op.key);
    if (i >= 0) this.ops[i] = op;
    await this.store.put(op);
    this.emit({ type: 'changed' });
  }

  private async remove(op: QueuedOp) {
    this.ops = this.ops.filter((o) => o.key !== op.key);
    await this.store.delete(op.key);
  }

  private async sendOne(op: QueuedOp) {
    if (op.type === 'answer') return this.sendAnswer(op);
    const evidence = op.type === 'upload' ? await this.transport.upload(op) : await this.transport.addDocument(op);
    await this.remove(op);
    this.emit({ type: 'evidence_synced', op, evidence });
  }

  private async sendAnswer(op: AnswerOp) {
    let sent = op;
    let result: AnswerResult;
    try {
      result = await this.transport.saveAnswer(sent);
    } catch (error) {
      if (!isApiError(error, 'VERSION_CONFLICT') || sent.onConflict === 'keep_both') throw error;
      // Another device saved the item meanwhile: keep both in its history; the later one shows.
      sent = { ...sent, onConflict: 'keep_both' };
      await this.replace(sent);
      result = await this.transport.saveAnswer(sent);
    }
    await this.remove(sent);
    // What this device typed after this save was typed on top of it, not against it.
    for (const later of this.ops) {
      if (later.type === 'answer' && later.itemId === sent.itemId && later.version !== result.item.version) await this.replace({ ...later, version: result.item.version });
    }
    this.emit({ type: 'answer_synced', op: sent, result });
  }
}
