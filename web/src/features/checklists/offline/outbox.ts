import type { Evidence } from '../../../../../shared/api/checklists.schemas.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { uploadFile } from '../../../lib/upload.js';
import { IdbQueueStore } from './idb-store.js';
import { MemoryQueueStore, OfflineQueue, type AnswerResult, type QueueTransport } from './queue.js';

/** The queue's transport: the checklist API. */
export const apiTransport: QueueTransport = {
  saveAnswer: (op) =>
    api.put<AnswerResult>(`/api/checklist-items/${op.itemId}/answer`, {
      version: op.version,
      clientRevisionId: op.key,
      editedAt: op.editedAt,
      ...op.values,
      onConflict: op.onConflict,
    }),
  upload: (op) => {
    const file = op.blob instanceof File ? op.blob : new File([op.blob], op.fileName, { type: op.blob.type });
    const url = withQuery(`/api/checklist-items/${op.itemId}/evidence/upload`, { kind: op.kind, clientId: op.key, capturedAt: op.capturedAt });
    return uploadFile<Evidence>(url, file);
  },
  addDocument: (op) =>
    api.post<Evidence>(`/api/checklist-items/${op.itemId}/evidence`, {
      clientId: op.key,
      documentTitle: op.documentTitle,
      documentNumber: op.documentNumber,
      documentDate: op.documentDate,
      note: op.note,
    }),
};

let outbox: OfflineQueue | null = null;

/**
 * The page's one outbox. It retries when the browser says the network is back, and every
 * 30 seconds while something waits (the `online` event does not fire for a captive portal).
 */
export function getOutbox(): OfflineQueue {
  if (outbox) return outbox;
  const store = typeof indexedDB === 'undefined' ? new MemoryQueueStore() : new IdbQueueStore();
  const queue = new OfflineQueue(store, apiTransport);
  outbox = queue;
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => void queue.flush());
    setInterval(() => {
      if (queue.pending().some((o) => o.failedCode === null)) void queue.flush();
    }, 30_000);
  }
  void queue.flush();
  return queue;
}

/** Tests replace the outbox with one over a memory store. */
export function setOutbox(queue: OfflineQueue | null): void {
  outbox = queue;
}
