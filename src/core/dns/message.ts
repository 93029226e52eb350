/**
 * One DNS message model for both DoH formats (RFC 8484 wire and the JSON API), so nothing past
 * the codecs knows which format a resolver speaks. Names are kept as the resolver sent them
 * (decoded labels, no trailing dot); comparisons go through `sameName`.
 */

export type MxData = { preference: number; exchange: string };
export type SoaData = { mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number };

export type DnsRecord =
  | { name: string; type: 'A' | 'AAAA' | 'CNAME' | 'DNAME' | 'PTR' | 'NS'; ttl: number; data: string }
  | { name: string; type: 'MX'; ttl: number; data: MxData }
  /** TXT: the character-strings of one record, in order (RFC 1035 §3.3.14). */
  | { name: string; type: 'TXT'; ttl: number; data: string[] }
  | { name: string; type: 'SOA'; ttl: number; data: SoaData }
  | { name: string; type: 'OTHER'; rrtype: string; ttl: number; data: string };

/** The record types MXray asks about. */
export type QuestionType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR' | 'CNAME' | 'NS' | 'SOA';

export interface DnsQuestion {
  name: string;
  type: QuestionType;
}

export interface DnsMessage {
  id: number;
  /** RFC 1035 §4.1.1 response code by name: NOERROR, NXDOMAIN, SERVFAIL, REFUSED, ... */
  rcode: string;
  flags: { qr: boolean; aa: boolean; tc: boolean; rd: boolean; ra: boolean; ad: boolean; cd: boolean };
  /** `class` only when it is not IN (then the answer is not to our question). */
  questions: { name: string; type: string; class?: string }[];
  answers: DnsRecord[];
  authorities: DnsRecord[];
  /** Records the codecs left out, each with the sentence why (class CH, out-of-range data...). */
  dropped?: string[];
}

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
