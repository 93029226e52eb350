/**
 * Names as MXray keeps them: decoded labels, no trailing dot (the root is ""). Comparisons go
 * through `sameName`.
 */

/** DNS names compare case-insensitively (RFC 4343) and without the root dot. */
export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

export function normaliseName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * Can this name be put in a query at all? RFC 1035 §2.3.4: labels 1-63 octets, the whole name
 * at most 255 octets on the wire (253 characters written out). A PTR or MX target from DNS can
 * be anything, so we check before asking rather than fail inside the codec.
 */
export function isQueryableName(name: string): boolean {
  const normal = normaliseName(name);
  if (normal.length === 0) return false;
  // An escaped byte (`a\.b`: a label holding a dot, wire-codec.ts) cannot be asked as the same name.
  if (normal.includes('\\')) return false;
  const encoder = new TextEncoder();
  let wireLength = 1;
  for (const label of normal.split('.')) {
    const size = encoder.encode(label).byteLength;
    if (size === 0 || size > 63) return false;
    wireLength += size + 1;
  }
  return wireLength <= 255;
}
