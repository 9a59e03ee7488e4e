import { describe, expect, it } from 'vitest';
import type { ChecklistItem, Evidence } from '../../../../../shared/api/checklists.schemas.js';
import { ApiError } from '../../../lib/api-client.js';
import { MemoryQueueStore, OfflineQueue, type AnswerOp, type AnswerResult, type QueueTransport } from './queue.js';

const ITEM = '11111111-1111-4111-8111-111111111111';
const item = (over: Partial<ChecklistItem> = {}): ChecklistItem =>
  ({ id: ITEM, version: 2, rating: null, numberValue: null, textValue: null, note: null, editedAt: null, evidence: [], conflicts: 0, ...over }) as ChecklistItem;
const values = (rating: 'met' | 'not_met', note: string | null = null) => ({ rating, numberValue: null, textValue: null, note });

/** A fake server: offline until `online = true`; item versions and saves as the real one keeps them. */
class FakeServer implements QueueTransport {
  online = false;
  version = 1;
  saves: AnswerOp[] = [];
  uploads: string[] = [];
  private seen = new Set<string>();
  refuse: ApiError | null = null;

  async saveAnswer(op: AnswerOp): Promise<AnswerResult> {
    if (!this.online) throw new ApiError({ status: 0, code: 'NETWORK' });
    if (this.refuse) throw this.refuse;
    if (this.seen.has(op.key)) return { item: item({ version: this.version }), outcome: 'already_saved' };
    if (op.version !== this.version && op.onConflict === 'reject') throw new ApiError({ status: 409, code: 'VERSION_CONFLICT' });
    this.seen.add(op.key);
    this.saves.push(op);
    if (op.version !== this.version) return { item: item({ version: this.version }), outcome: 'kept_in_history' };
    this.version += 1;
    return { item: item({ version: this.version, ...op.values }), outcome: 'saved' };
  }
  async upload(op: { key: string; fileName: string }): Promise<Evidence> {
    if (!this.online) throw new ApiError({ status: 0, code: 'NETWORK' });
    this.uploads.push(op.fileName);
    return { id: op.key, itemId: ITEM, clientId: op.key } as Evidence;
  }
  async addDocument(): Promise<Evidence> {
    throw new Error('not used');
  }
}

let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
const clock = () => new Date('2021-06-15T02:00:00Z');

describe('the checklist outbox', () => {
  it('keeps answers and photos while offline, across a reload of the page, and sends them when the network returns', async () => {
    const store = new MemoryQueueStore();
    const server = new FakeServer();
    const first = new OfflineQueue(store, server, clock, newId);
    await first.saveAnswer({ inspectionId: 'i', itemId: ITEM, version: 1, values: values('met') });
    await first.addUpload({ inspectionId: 'i', itemId: ITEM, kind: 'photo', blob: new Blob(['png']), fileName: 'a.png', capturedAt: '2021-06-15T01:59:00Z' });
    await first.flush();
    expect(first.online).toBe(false);
    expect(first.pending()).toHaveLength(2);

    // The tab is closed and opened again: the store still holds both.
    const second = new OfflineQueue(store, server, clock, newId);
    await second.load();
    expect(second.pending().map((o) => o.type)).toEqual(['answer', 'upload']);
    server.online = true;
    const synced: string[] = [];
    second.subscribe((e) => e.type !== 'changed' && synced.push(e.type));
    await second.flush();
    expect(second.pending()).toEqual([]);
    expect(await store.all()).toEqual([]);
    expect(server.saves.map((s) => s.values.rating)).toEqual(['met']);
    expect(server.uploads).toEqual(['a.png']);
    expect(synced).toEqual(['answer_synced', 'evidence_synced']);
  });

  it('replaces an answer not yet sent instead of sending each keystroke', async () => {
    const server = new FakeServer();
    const queue = new OfflineQueue(new MemoryQueueStore(), server, clock, newId);
    await queue.saveAnswer({ inspectionId: 'i', itemId: ITEM, version: 1, values: values('met', 'a') });
    await queue.saveAnswer({ inspectionId: 'i', itemId: ITEM, version: 1, values: values('not_met', 'ab') });
    expect(queue.pending()).toHaveLength(1);
    server.online = true;
    await queue.flush();
    expect(server.saves.map((s) => [s.values.rating, s.values.note])).toEqual([['not_met', 'ab']]);
  });

  it('an answer sent without a reply stays and is resent with the same id (kept once); the next one follows it', async () => {
    const server = new FakeServer();
    const queue = new OfflineQueue(new MemoryQueueStore(), server, clock, newId);
    await queue.saveAnswer({ inspectionId: 'i', itemId: ITEM, version: 1, values: values('met') });
    await queue.flush(); // sent, no answer (offline): attempts = 1
    await queue.saveAnswer({ inspectionId: 'i', itemId: ITEM, version: 1, values: values('not_met') });
    expect(queue.pending()).toHaveLength(2);
    server.online = true;
    await queue.flush();
    // The second was typed on top of the first on this device: no conflict, both saved in order.
    expect(server.saves.map((s) => [s.version, s.values.rating])).toEqual([
      [1, 'met'],
      [2, 'not_met'],
    ]);
    expect(server.version).toBe(3);
  });

  it('on a conflict with another device keeps both: resent with keep_both, nothing lost', async () => {
    const server = new FakeServer();
    server.online = true;
    server.version = 5; // another member saved the item meanwhile
    const queue = new OfflineQueue(new MemoryQueueStore(), server, clock, newId);
    const events: AnswerResult['outcome'][] = [];
    queue.subscribe((e) => e.type === 'answer_synced' && events.push(e.result.outcome));
    await queue.saveAnswer({ inspectionId: 'i', itemId: ITEM, version: 3, values: values('not_met') });
    await queue.flush();
    expect(queue.pending()).toEqual([]);
    expect(server.saves).toHaveLength(1);
    expect(server.saves[0].onConflict).toBe('keep_both');
    expect(events).toEqual(['kept_in_history']);
  });

  it('keeps a change the server refuses (not retried, shown) until the person discards it; the rest still goes', async () => {
    const server = new FakeServer();
    server.online = true;
    server.refuse = new ApiError({ status: 400, code: 'VALIDATION_FAILED' });
    const queue = new OfflineQueue(new MemoryQueueStore(), server, clock, newId);
    const op = await queue.saveAnswer({ inspectionId: 'i', itemId: ITEM, version: 1, values: values('met') });
    await queue.addUpload({ inspectionId: 'i', itemId: ITEM, kind: 'photo', blob: new Blob(['x']), fileName: 'b.jpg', capturedAt: null });
    await queue.flush();
    expect(queue.pending().map((o) => [o.type, o.failedCode])).toEqual([['answer', 'VALIDATION_FAILED']]);
    expect(server.uploads).toEqual(['b.jpg']);
    await queue.discard(op.key);
    expect(queue.pending()).toEqual([]);
  });

  it('a lost session or CSRF token is retried later, not dropped', async () => {
    const server = new FakeServer();
    server.online = true;
    server.refuse = new ApiError({ status: 403, code: 'CSRF_TOKEN_INVALID' });
    const queue = new OfflineQueue(new MemoryQueueStore(), server, clock, newId);
    await queue.saveAnswer({ inspectionId: 'i', itemId: ITEM, version: 1, values: values('met') });
    await queue.flush();
    expect(queue.pending()[0].failedCode).toBeNull();
    server.refuse = null;
    await queue.flush();
    expect(queue.pending()).toEqual([]);
  });
});
