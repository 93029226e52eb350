/**
 * The list behind `--bulk`: a file, or stdin for `-`. Decoded as UTF-8 (a UTF-16 file, as some
 * Windows tools write, is recognised by its byte order mark). A list that cannot be read ends
 * in a sentence, and exit status 2.
 */
import { readFile, stat } from 'node:fs/promises';

/** Far beyond 10,000 lines of addresses; a bigger file is split (README: xargs -P). */
export const MAX_LIST_BYTES = 64 * 1024 * 1024;

export async function readList(path: string, stdin: () => Promise<Uint8Array>): Promise<{ text: string } | { error: string }> {
  let bytes: Uint8Array;
  try {
    if (path === '-') bytes = await stdin();
    else {
      const info = await stat(path);
      if (info.isDirectory()) return { error: `${path} is a folder; --bulk takes a file (or - for stdin).` };
      if (info.size > MAX_LIST_BYTES) return { error: tooBig(path) };
      bytes = await readFile(path);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    return { error: `Cannot read ${path === '-' ? 'stdin' : path}: ${why}.` };
  }
  if (bytes.length > MAX_LIST_BYTES) return { error: tooBig(path) };
  return { text: decode(bytes) };
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes); // replaces broken bytes; the BOM is dropped here
}

function tooBig(path: string): string {
  return `${path === '-' ? 'stdin' : path} is over ${MAX_LIST_BYTES / 1024 / 1024} MB; split the list and run several mxray --bulk (see the README).`;
}

/** All of stdin, for `--bulk -`. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > MAX_LIST_BYTES) break;
  }
  return Buffer.concat(chunks);
}
