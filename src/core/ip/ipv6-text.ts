/**
 * IPv6 addresses as text: read every form RFC 4291 §2.2 allows, write the one form RFC 5952
 * recommends, so the same address always prints the same way (and compares equal as a string).
 */
import { formatIpv4, parseIpv4Bytes } from './ipv4-text';

const GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Longest legal text: eight groups of four digits and seven colons, or six groups and a dotted quad. */
const MAX_TEXT_LENGTH = 45;

/**
 * The sixteen bytes of an IPv6 address written in any RFC 4291 §2.2 form: full
 * (`2001:0db8:0:0:0:0:0:1`), compressed with one `::` (`2001:db8::1`), or with the last 32 bits
 * as a dotted quad (`::ffff:192.0.2.1`). No brackets, no zone (`%eth0`), no prefix length.
 */
export function parseIpv6Bytes(text: string): Uint8Array | undefined {
  if (text.length < 2 || text.length > MAX_TEXT_LENGTH) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined; // `::` may appear only once (RFC 4291 §2.2, form 2)
  const head = parseGroups(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '', true) : [];
  if (head === undefined || tail === undefined) return undefined;
  const compressed = halves.length === 2;
  const missing = 8 - head.length - tail.length;
  // Without `::` all eight groups must be there; with it, it stands for at least one group.
  if (compressed ? missing < 1 : missing !== 0) return undefined;
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  for (const [i, word] of words.entries()) {
    bytes[2 * i] = word >> 8;
    bytes[2 * i + 1] = word & 0xff;
  }
  return bytes;
}

/**
 * One side of the `::` as 16-bit words. The side that ends the address may end in a dotted
 * quad (RFC 4291 §2.2, form 3), which fills the last two words.
 */
function parseGroups(text: string, endsAddress: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const words: number[] = [];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (last && endsAddress && part.includes('.')) {
      const v4 = parseIpv4Bytes(part);
      if (v4 === undefined) return undefined;
      words.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    } else if (GROUP.test(part)) {
      words.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return words;
}

/**
 * RFC 5952 §4 text: lower case, no leading zeros, the longest run of two or more zero groups
 * replaced by `::` (the first one on a tie), a lone zero group left as `0`.
 *
 * RFC 5952 §5: an IPv4-mapped address (`::ffff:0:0/96`, RFC 4291 §2.5.5.2) is written with its
 * IPv4 part in dotted form, `::ffff:192.0.2.1`, as `inet_ntop` (and so `dig`/`kdig`) prints it.
 * The WHATWG URL serialiser writes `::ffff:c000:201` instead; every other address prints the
 * same in both.
 */
export function formatIpv6(bytes: Uint8Array): string {
  if (isIpv4Mapped(bytes)) return `::ffff:${formatIpv4(bytes.subarray(12, 16))}`;
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((bytes[i]! << 8) | bytes[i + 1]!);
  const run = longestZeroRun(words);
  const hex = words.map((word) => word.toString(16));
  if (run.length < 2) return hex.join(':');
  return `${hex.slice(0, run.start).join(':')}::${hex.slice(run.start + run.length).join(':')}`;
}

function isIpv4Mapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

function longestZeroRun(words: number[]): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = -1;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && words[i] === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > best.length) best = { start, length: i - start };
      start = -1;
    }
  }
  return best;
}
