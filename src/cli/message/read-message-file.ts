/**
 * The input of `mxray --message FILE`: a file, or stdin for `-`, read as bytes (DKIM signs
 * bytes). At most MAX_MESSAGE_BYTES are kept, whatever the size: the rest of a larger file is
 * counted, not held, so a 50 MB message costs bounded memory (its body hash is then not
 * checked, and the report says so). Anything that cannot be read ends in a sentence.
 */
import { open, stat } from 'node:fs/promises';
import { MAX_MESSAGE_BYTES } from '../../core/message/parse/read-message';

export interface MessageInput {
  bytes: Uint8Array;
  /** The whole input's size in bytes (larger than `bytes` when it was cut). */
  size: number;
}

export async function readMessageFile(path: string, stdin: AsyncIterable<Uint8Array>): Promise<MessageInput | { error: string }> {
  const name = path === '-' ? 'stdin' : path;
  let input: MessageInput;
  try {
    input = path === '-' ? await readStream(stdin) : await readFilePart(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : error instanceof Error
              ? error.message
              : String(error);
    return { error: `Cannot read ${name}: ${why}.` };
  }
  if (input.size === 0) return { error: `${name} is empty: give a message (.eml), its header, or a bounce.` };
  return input;
}

async function readFilePart(path: string): Promise<MessageInput> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(Math.min(info.size, MAX_MESSAGE_BYTES));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), size: Math.max(info.size, filled) };
  } finally {
    await handle.close();
  }
}

async function readStream(stream: AsyncIterable<Uint8Array>): Promise<MessageInput> {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (kept >= MAX_MESSAGE_BYTES) continue;
    const part = chunk.subarray(0, MAX_MESSAGE_BYTES - kept);
    chunks.push(part);
    kept += part.length;
  }
  const bytes = new Uint8Array(kept);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, size };
}
