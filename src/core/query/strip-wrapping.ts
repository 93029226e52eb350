/**
 * What people paste around an address: spaces, quotes, angle brackets, a bullet, the full
 * stop or comma of the sentence it came from. Peeled off until nothing changes, so
 * `  "<a@example.com>",` becomes `a@example.com`. Square brackets are left alone: they are
 * part of `[2001:db8::1]` and of `user@[192.0.2.1]`.
 */

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['<', '>'],
  ['(', ')'],
  ['{', '}'],
  ['“', '”'],
  ['‘', '’'],
  ['„', '“'],
  ['«', '»'],
  ['‹', '›'],
  ['「', '」'],
];

/** Sentence punctuation that never ends an address. A final "." is left for the domain rules. */
const TRAILING = new Set([',', ';', '!', '?', '…', '、', '，', '。']);

/** Space that copy and paste brings along: ordinary white space, NBSP, zero-width space, BOM. */
const EDGE_SPACE = /^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/g;

/** A list bullet and its space: `- example.com`, `• example.com`. */
const BULLET = /^[-*•·‣◦]\s+/;

export function stripWrapping(text: string): string {
  let current = text;
  for (let round = 0; round < 32; round++) {
    const next = stripOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function stripOnce(text: string): string {
  const trimmed = text.replace(EDGE_SPACE, '').replace(BULLET, '');
  if (trimmed.length < 2) return trimmed;
  const first = trimmed[0]!;
  const last = trimmed[trimmed.length - 1]!;
  for (const [open, close] of PAIRS) {
    if (first !== open || last !== close) continue;
    const inner = trimmed.slice(1, -1);
    // Only a wrapper if it wraps everything: `"a"@b.c"` or `<x> <y>` are not wrapped.
    if (!inner.includes(open) && !inner.includes(close)) return inner;
  }
  // A trailing ":" stays: it may end an IPv6 address (`2001:db8::`), and `example.com:`
  // reads as a host with an empty port anyway.
  if (TRAILING.has(last)) return trimmed.slice(0, -1);
  return trimmed;
}
