import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChecklistItem } from '../../../../shared/api/checklists.schemas.js';
import { patchItem, withEvidence } from './checklists.api.js';
import { getOutbox } from './offline/outbox.js';
import type { AnswerOp, AnswerValues, QueuedOp } from './offline/queue.js';

/**
 * The outbox as the fill page sees it: what waits for this inspection, whether the last send
 * reached the server, and the acknowledged saves written into the cached checklists.
 */
export function useOutbox(inspectionId: string) {
  const queue = getOutbox();
  const qc = useQueryClient();
  const snapshot = useSyncExternalStore(
    (notify) => queue.subscribe(notify),
    () => version(queue.pending(), queue.online),
  );

  useEffect(
    () =>
      queue.subscribe((e) => {
        if (e.type === 'answer_synced' && e.op.inspectionId === inspectionId) patchItem(qc, inspectionId, e.op.itemId, () => e.result.item);
        if (e.type === 'evidence_synced' && e.op.inspectionId === inspectionId) patchItem(qc, inspectionId, e.op.itemId, (i) => withEvidence(i, e.evidence));
      }),
    [queue, qc, inspectionId],
  );
  useEffect(() => {
    void queue.load();
  }, [queue]);

  const pending = useMemo(() => queue.pending().filter((o) => o.inspectionId === inspectionId), [queue, inspectionId, snapshot]); // eslint-disable-line react-hooks/exhaustive-deps
  return {
    pending,
    online: queue.online,
    /** Queues the item's answer (typed from the version shown) and sends what waits. */
    save(item: ChecklistItem, values: AnswerValues) {
      void queue.saveAnswer({ inspectionId, itemId: item.id, version: item.version, values }).then(() => queue.flush());
    },
    addUpload(item: ChecklistItem, input: { kind: 'photo' | 'file'; blob: Blob; fileName: string; capturedAt: string | null }) {
      void queue.addUpload({ inspectionId, itemId: item.id, ...input }).then(() => queue.flush());
    },
    addDocument(item: ChecklistItem, input: { documentTitle: string; documentNumber: string | null; documentDate: string | null; note: string | null }) {
      void queue.addDocument({ inspectionId, itemId: item.id, ...input }).then(() => queue.flush());
    },
    retry: () => void queue.flush(),
    discard: (key: string) => void queue.discard(key),
  };
}

// A string that changes whenever what the page shows of the outbox changes.
function version(ops: QueuedOp[], online: boolean): string {
  return `${online}|${ops.map((o) => `${o.key}:${o.attempts}:${o.failedCode ?? ''}:${o.type === 'answer' ? `${o.version}:${o.editedAt}` : ''}`).join(',')}`;
}

/** The item as this device shows it: the server's answer, or the last one waiting to be sent. */
export function shownItem(item: ChecklistItem, pending: QueuedOp[]): ChecklistItem & { waiting: boolean } {
  const answers = pending.filter((o): o is AnswerOp => o.type === 'answer' && o.itemId === item.id);
  const last = answers[answers.length - 1];
  return last ? { ...item, ...last.values, waiting: true } : { ...item, waiting: false };
}
