/**
 * Reading Team Cymru's IP-to-ASN TXT records, which are free text in a fixed shape:
 *   origin:  "64500 | 192.0.2.0/24 | DE | ripencc | 2003-05-08"
 *            "64500 64501 | 192.0.2.0/24 | ..."     (several origin ASes: MOAS)
 *   AS name: "64500 | DE | ripencc | 2003-05-08 | EXAMPLE-NET - Example Networks, DE"
 * Fields may be empty, and an answer may hold several records (a covering prefix and a more
 * specific one). Anything that does not read as that shape is ignored, never guessed at.
 */
import { parsePrefix, prefixContains } from './network-keys';

export interface OriginRecord {
  origins: number[];
  prefix?: string;
  country?: string;
  registry?: string;
  allocated?: string;
}

export interface AsNameRecord {
  asn: number;
  name?: string;
  country?: string;
  registry?: string;
  allocated?: string;
}

/** AS numbers are 32-bit (RFC 6793); 0 and 4294967295 are reserved (RFC 7607, RFC 7300). */
const MAX_ASN = 4_294_967_294;
/** An AS name longer than this is not what the service sends; cut so it cannot flood a display. */
const MAX_NAME_LENGTH = 120;

export function parseAsnNumber(text: string): number | undefined {
  const digits = text.trim().replace(/^AS/i, '');
  if (!/^\d{1,10}$/.test(digits)) return undefined;
  const value = Number(digits);
  return value >= 1 && value <= MAX_ASN ? value : undefined;
}

/** One origin record, or `undefined` when it is not one. */
export function parseOriginRecord(text: string): OriginRecord | undefined {
  const fields = text.split('|').map((field) => field.trim());
  if (fields.length < 2) return undefined;
  const words = fields[0]!.split(/\s+/).filter((word) => word !== '');
  const origins = words.map(parseAsnNumber);
  if (origins.length === 0 || origins.some((asn) => asn === undefined)) return undefined;
  const record: OriginRecord = { origins: [...new Set(origins as number[])] };
  const prefix = parsePrefix(fields[1]!) ? fields[1]! : undefined;
  if (!prefix) return undefined;
  record.prefix = prefix.toLowerCase();
  addCommonFields(record, fields[2], fields[3], fields[4]);
  return record;
}

/**
 * The record for `ip` among an answer's records: the most specific prefix that contains it
 * (a route for a longer prefix wins, as on the internet). `undefined` when none reads.
 */
export function pickOrigin(values: readonly string[], ip: string): OriginRecord | undefined {
  let best: OriginRecord | undefined;
  let bestLength = -1;
  for (const value of values) {
    const record = parseOriginRecord(value);
    if (!record?.prefix || !prefixContains(record.prefix, ip)) continue;
    const length = parsePrefix(record.prefix)!.length;
    if (length > bestLength) {
      best = record;
      bestLength = length;
    }
  }
  return best;
}

/** The AS-name record for `asn` among an answer's records (one naming another AS is not it). */
export function pickAsName(values: readonly string[], asn: number): AsNameRecord | undefined {
  for (const value of values) {
    const fields = value.split('|').map((field) => field.trim());
    if (fields.length < 5 || parseAsnNumber(fields[0]!) !== asn) continue;
    const record: AsNameRecord = { asn };
    addCommonFields(record, fields[1], fields[2], fields[3]);
    // The name may itself contain "|" in theory; everything after the fourth bar is the name.
    const name = fields.slice(4).join(' | ').trim();
    if (name !== '') record.name = name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name;
    return record;
  }
  return undefined;
}

function addCommonFields(record: { country?: string; registry?: string; allocated?: string }, country?: string, registry?: string, allocated?: string): void {
  if (country && /^[A-Za-z]{2}$/.test(country)) record.country = country.toUpperCase();
  if (registry && /^[A-Za-z][A-Za-z0-9-]{0,15}$/.test(registry)) record.registry = registry.toLowerCase();
  if (allocated && /^\d{4}-\d{2}-\d{2}$/.test(allocated)) record.allocated = allocated;
}
