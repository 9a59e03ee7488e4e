import { openDB, type IDBPDatabase } from 'idb';
import type { QueuedOp, QueueStore } from './queue.js';

const DB_NAME = 'par-inspect-offline';
const STORE = 'checklist-outbox';

/** The queue's store in the browser: IndexedDB keeps Blobs (photos) as they are, across reloads. */
export class IdbQueueStore implements QueueStore {
  private db: Promise<IDBPDatabase> | null = null;

  private open() {
    this.db ??= openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'key' });
      },
    });
    return this.db;
  }

  async all(): Promise<QueuedOp[]> {
    return (await (await this.open()).getAll(STORE)) as QueuedOp[];
  }

  async put(op: QueuedOp): Promise<void> {
    await (await this.open()).put(STORE, op);
  }

  async delete(key: string): Promise<void> {
    await (await this.open()).delete(STORE, key);
  }
}
