// The record types the fixtures use, by mnemonic and number (IANA DNS parameters registry).
export const RR_TYPES = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  DNAME: 39,
  OPT: 41,
  TLSA: 52,
  CAA: 257,
} as const;

export type RrType = keyof typeof RR_TYPES;

export const RCODE_NAMES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'] as const;

export function rcodeName(rcode: number): string {
  return RCODE_NAMES[rcode] ?? `RCODE${rcode}`;
}

export function rcodeNumber(name: string): number | undefined {
  const index = (RCODE_NAMES as readonly string[]).indexOf(name.toUpperCase());
  return index < 0 ? undefined : index;
}

export function typeNumber(type: string): number | undefined {
  return /^\d+$/.test(type) ? Number(type) : (RR_TYPES as Record<string, number>)[type.toUpperCase()];
}

export function typeName(type: number): string {
  return Object.entries(RR_TYPES).find(([, n]) => n === type)?.[0] ?? `TYPE${type}`;
}
