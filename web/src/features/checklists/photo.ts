/**
 * Photos from the phone's camera are resized in the browser before they are queued (a 12 MP
 * picture is 4–8 MB; 1600 px on the long side is enough to read a notice board and is about
 * 300 KB), and the time the picture was taken is kept: from the JPEG's EXIF DateTimeOriginal when
 * it has one, else the file's time. Canvas re-encoding drops EXIF, so the time travels beside the
 * picture (the upload's `capturedAt`).
 */
export const MAX_PHOTO_SIDE = 1600;

export interface PreparedPhoto {
  blob: Blob;
  fileName: string;
  capturedAt: string;
}

/** EXIF DateTimeOriginal ("2021:06:15 09:30:12", camera local time: Vietnam) of a JPEG, as ISO. */
export function exifCaptureTime(bytes: ArrayBuffer): string | null {
  const view = new DataView(bytes);
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return null;
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    const marker = view.getUint16(offset);
    const length = view.getUint16(offset + 2);
    if (marker === 0xffe1 && view.getUint32(offset + 4) === 0x45786966) return readTiff(view, offset + 10);
    if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return null;
    offset += 2 + length;
  }
  return null;
}

function readTiff(view: DataView, start: number): string | null {
  if (start + 8 > view.byteLength) return null;
  const little = view.getUint16(start) === 0x4949;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const entry = (ifd: number, tag: number): number | null => {
    if (ifd + 2 > view.byteLength) return null;
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      if (at + 12 > view.byteLength) return null;
      if (u16(at) === tag) return at;
    }
    return null;
  };
  const exifPointer = entry(start + u32(start + 4), 0x8769);
  if (exifPointer === null) return null;
  const original = entry(start + u32(exifPointer + 8), 0x9003);
  if (original === null) return null;
  const textAt = start + u32(original + 8);
  if (textAt + 19 > view.byteLength) return null;
  let text = '';
  for (let i = 0; i < 19; i++) text += String.fromCharCode(view.getUint8(textAt + i));
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Resizes a camera picture to at most MAX_PHOTO_SIDE pixels as JPEG; the original when it cannot. */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  let capturedAt = new Date(file.lastModified || Date.now()).toISOString();
  try {
    capturedAt = exifCaptureTime(await file.slice(0, 256 * 1024).arrayBuffer()) ?? capturedAt;
  } catch {
    // Unreadable header: the file's time stands.
  }
  const original = { blob: file, fileName: file.name || 'anh.jpg', capturedAt };
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return original;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= 1024 * 1024) return original;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return original;
    return { blob, fileName: `${(file.name || 'anh').replace(/\.[^.]*$/, '')}.jpg`, capturedAt };
  } catch {
    return original;
  }
}
