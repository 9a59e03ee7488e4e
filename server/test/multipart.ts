import { uniq } from './harness.js';

/** A multipart/form-data body written by hand, as a browser would send it. */
export function multipart(parts: { name: string; filename?: string; contentType?: string; data: Buffer | string; /** Send the name as RFC 5987 filename* (any character, percent-encoded). */ encodeFilename?: boolean }[]) {
  const boundary = `----parInspect${uniq()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const filename = p.filename === undefined ? '' : p.encodeFilename ? `; filename*=UTF-8''${encodeURIComponent(p.filename)}` : `; filename="${p.filename}"`;
    const disposition = `Content-Disposition: form-data; name="${p.name}"${filename}`;
    chunks.push(Buffer.from(`--${boundary}\r\n${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
