import { ApiError, currentCsrfToken } from './api-client.js';
import type { Problem } from '../../../shared/api/errors.js';

/** Bytes sent so far and in total, for a progress bar. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends one file as multipart/form-data (field "file") with upload progress, which fetch cannot
 * report; resolves with the JSON answer, rejects with an ApiError carrying the server's code and
 * field errors (file_too_large, file_type_not_allowed …).
 */
export function uploadFile<T>(url: string, file: File, options: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK' }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const problem = (body ?? {}) as Partial<Problem>;
      reject(
        new ApiError({
          status: xhr.status,
          code: problem.code ?? (xhr.status === 413 ? 'VALIDATION_FAILED' : 'INTERNAL'),
          title: problem.title,
          requestId: problem.requestId ?? null,
          invalidParams: problem.invalidParams ?? [],
        }),
      );
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
