/**
 * A dropped or picked file as the message's bytes. At most the first 25 MB are read (File.slice,
 * so a 50 MB file never sits in memory whole); the page says the rest was not read. A message is
 * bytes (DKIM signs them): no text decoding here.
 */
import { byteString } from '../core/message/parse/byte-string';
import type { ByteString } from '../core/message/types';

export const MAX_READ_BYTES = 25 * 1024 * 1024;

export interface MessageFile {
  name: string;
  /** The file's whole size in bytes. */
  size: number;
  /** The bytes read, as a byte string. */
  bytes: ByteString;
  /** Only the first MAX_READ_BYTES were read. */
  truncated: boolean;
}

export async function readMessageFile(file: File): Promise<MessageFile> {
  const truncated = file.size > MAX_READ_BYTES;
  const part = truncated ? file.slice(0, MAX_READ_BYTES) : file;
  const bytes = new Uint8Array(await part.arrayBuffer());
  return { name: file.name, size: file.size, bytes: byteString(bytes), truncated };
}

export function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
