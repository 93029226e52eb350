/**
 * A tiny, bounds-checked DER reader (ITU-T X.690): just enough to find the RSA modulus in a DKIM
 * key. Every read checks the buffer end, so hostile bytes give `undefined`, never an exception.
 */

export interface Der {
  tag: number;
  /** Where the content starts and ends (exclusive) in the buffer. */
  start: number;
  end: number;
}

/** The element at `offset`, or `undefined` when the bytes there are not a complete DER element. */
export function readDer(bytes: Uint8Array, offset: number, limit = bytes.length): Der | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers never occur in a public key
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // DER: the long form has 1 to 4 length bytes here (no key is anywhere near 4 GiB).
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let index = 0; index < count; index++) length = length * 256 + bytes[start + index]!;
    start += count;
  }
  const end = start + length;
  if (end > limit) return undefined;
  return { tag, start, end };
}

/** The elements inside a constructed element (a SEQUENCE), or `undefined` if they do not fit exactly. */
export function readChildren(bytes: Uint8Array, parent: Der): Der[] | undefined {
  const children: Der[] = [];
  let offset = parent.start;
  while (offset < parent.end) {
    const child = readDer(bytes, offset, parent.end);
    if (!child) return undefined;
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** Bit length of a DER INTEGER's content, read as an unsigned number (leading zero bytes skipped). */
export function integerBits(bytes: Uint8Array, integer: Der): number {
  let index = integer.start;
  while (index < integer.end && bytes[index] === 0) index++;
  if (index === integer.end) return 0;
  return (integer.end - index - 1) * 8 + (32 - Math.clz32(bytes[index]!));
}
