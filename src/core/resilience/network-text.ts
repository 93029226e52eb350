/**
 * The network of an address in a few words, the same in the CLI, the page and the copies:
 * `AS64500 EXAMPLE-NET-A · 192.0.2.0/24 · DE`. The AS name is the service's handle (the part
 * before " - "); the full name is in the report.
 */
import type { AsnInfo } from './types';

const STATUS_TEXT: Record<Exclude<AsnInfo['status'], 'ok'>, string> = {
  pending: 'looking up…',
  none: 'not announced',
  unreadable: 'unreadable answer',
  error: 'lookup failed',
  skipped: 'not public',
};

/** `EXAMPLE-NET-A` from `EXAMPLE-NET-A - Example Networks A, DE`. */
export function asHandle(name: string): string {
  const cut = name.indexOf(' - ');
  return (cut > 0 ? name.slice(0, cut) : name).trim();
}

/** `AS64500 EXAMPLE-NET-A`, or `AS64500` without a name. */
export function asLabel(asn: AsnInfo): string {
  if (asn.number === undefined) return '';
  const others =
    asn.origins && asn.origins.length > 1
      ? ` (+${asn.origins
          .slice(1)
          .map((n) => `AS${n}`)
          .join(', ')})`
      : '';
  return `AS${asn.number}${others}${asn.name ? ` ${asHandle(asn.name)}` : ''}`;
}

/** The whole cell; `''` when the lookups were off (no `asn`). */
export function networkText(asn: AsnInfo | undefined): string {
  if (!asn) return '';
  if (asn.status !== 'ok') return STATUS_TEXT[asn.status];
  return [asLabel(asn), asn.prefix, asn.country].filter((part) => part).join(' · ');
}
