import { parentPort, workerData } from 'node:worker_threads';
import { parseRegistryWorkbook, WorkbookRejected, type WorkerAnswer } from './registry-workbook.js';

/**
 * Reads a registry workbook off the server's thread (readRegistryWorkbook starts it for a big
 * file): the bytes in, the sheets' plain rows or the refusal out. Any other error ends the
 * worker with it, and the import's job fails as it would have in the server's thread.
 */
const bytes = Buffer.from(workerData as Uint8Array);
let answer: WorkerAnswer;
try {
  answer = { ok: await parseRegistryWorkbook(bytes) };
} catch (err) {
  if (!(err instanceof WorkbookRejected)) throw err;
  answer = { rejected: { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) } };
}
parentPort!.postMessage(answer);
