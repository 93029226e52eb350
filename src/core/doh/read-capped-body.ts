/**
 * Read an HTTP body as a stream and stop at a cap, so a peer that sends without end (or a
 * 10 MB "answer") costs at most `cap` bytes of memory and the time to read them, never the
 * whole body. `arrayBuffer()` and `text()` would read everything before we could look at it.
 */

/** Thrown when the body goes past the cap; `seen` is how many bytes had arrived by then. */
export class BodyTooLarge extends Error {
  constructor(
    readonly cap: number,
    readonly seen: number,
  ) {
    super(`body larger than ${cap} bytes`);
  }
}

export async function readCappedBody(response: Response, cap: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > cap) {
    void response.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge(cap, declared);
  }
  const body = response.body;
  // A Response without a stream (some test doubles): its body is already in memory.
  if (!body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.byteLength > cap) throw new BodyTooLarge(cap, whole.byteLength);
    return whole;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) throw new BodyTooLarge(cap, size);
      chunks.push(value);
    }
  } catch (error) {
    // Stop the download: the connection is freed instead of draining the rest.
    void reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Text of a capped body (UTF-8, as MTA-STS policies are, RFC 8461 §3.2). */
export async function readCappedText(response: Response, cap: number): Promise<string> {
  return new TextDecoder().decode(await readCappedBody(response, cap));
}
