/**
 * Which special-purpose block (if any) an address is in, for the report to say "this mail
 * server is on a private network" instead of leaving a person to spot it.
 */
import { parseIpBytes } from './parse-ip';
import { SPECIAL_RANGES, type SpecialRange, type SpecialRangeKind } from './special-ranges';

export interface AddressClass {
  /**
   * The kind of block, a stable word for `Address.range` and the checks: `private`, `loopback`,
   * `cgnat`, `documentation`, ... (see `SpecialRangeKind`).
   */
  range: Exclude<SpecialRangeKind, 'reachable'>;
  /** The block itself: `10.0.0.0/8`. */
  cidr: string;
  /** Plain language: `a private network address (RFC 1918), not reachable from the internet`. */
  label: string;
  rfc: string;
}

interface CompiledRange {
  entry: SpecialRange;
  bytes: Uint8Array;
  prefix: number;
}

// Most specific first, so the first match is the longest prefix.
const COMPILED: CompiledRange[] = SPECIAL_RANGES.map(compile).sort((a, b) => b.prefix - a.prefix);

/**
 * The special-purpose block `ip` lies in, or `undefined` for an ordinary, globally reachable
 * address (and for text that is not an address).
 */
export function classifyAddress(ip: string): AddressClass | undefined {
  const parsed = parseIpBytes(ip);
  if (parsed === undefined) return undefined;
  const match = COMPILED.find((range) => range.bytes.length === parsed.bytes.length && inPrefix(parsed.bytes, range));
  if (match === undefined || match.entry.kind === 'reachable') return undefined;
  const { cidr, kind, label, rfc } = match.entry;
  return { range: kind, cidr, label, rfc };
}

function compile(entry: SpecialRange): CompiledRange {
  const [address = '', prefix = ''] = entry.cidr.split('/');
  const parsed = parseIpBytes(address);
  if (parsed === undefined) throw new Error(`bad CIDR in SPECIAL_RANGES: ${entry.cidr}`);
  return { entry, bytes: parsed.bytes, prefix: Number(prefix) };
}

function inPrefix(bytes: Uint8Array, range: CompiledRange): boolean {
  const whole = range.prefix >> 3;
  for (let i = 0; i < whole; i++) if (bytes[i] !== range.bytes[i]) return false;
  const rest = range.prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((bytes[whole]! ^ range.bytes[whole]!) & mask) === 0;
}
