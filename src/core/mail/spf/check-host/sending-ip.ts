/**
 * The sending server's address as people paste it: bare (`203.0.113.5`, `2001:db8::5`), in
 * brackets (`[203.0.113.5]`, `[IPv6:2001:db8::5]`, RFC 5321 §4.1.3), IPv4-mapped
 * (`::ffff:203.0.113.5`, checked as IPv4 per RFC 7208 §5), or inside a Received header line
 * (`from mail.example.com (mail.example.com [203.0.113.5]) by ...`), where the bracketed
 * address is the one the receiver saw.
 */
import { parseIp } from '../../../ip';
import { spfAddress, readableAddress } from './ip-match';

export interface SendingIp {
  /** Canonical, IPv4 for a mapped address. */
  ip: string;
  family: 4 | 6;
  /** What was read, when it differs from `ip` (the mapped form, or the header snippet's address). */
  given?: string;
  /** The address was IPv4-mapped IPv6. */
  mapped: boolean;
}

export type SendingIpResult = { ok: true; ip: SendingIp } | { ok: false; error: string };

const MAX_INPUT = 4_000;

export function parseSendingIp(input: string): SendingIpResult {
  if (typeof input !== 'string' || input.trim() === '')
    return { ok: false, error: 'Give the IP address of the sending server (e.g. 203.0.113.5, or paste the Received header line).' };
  const text = input.slice(0, MAX_INPUT).trim();
  const candidates: string[] = [];
  // Bracketed first: in a Received line that is the connecting address.
  for (const match of text.matchAll(/\[([^\]\s]{2,60})\]/g)) candidates.push(match[1]!);
  candidates.push(text);
  for (const token of text.split(/[\s()[\]<>;,"']+/)) if (token) candidates.push(token);
  for (const candidate of candidates) {
    const found = readAddress(candidate);
    if (found) return { ok: true, ip: found.ip === text ? { ...found } : { ...found, given: found.given ?? candidate } };
  }
  return {
    ok: false,
    error: `No IP address found in "${text.length > 60 ? `${text.slice(0, 60)}…` : text}". Give an IPv4 or IPv6 address such as 203.0.113.5.`,
  };
}

function readAddress(raw: string): SendingIp | undefined {
  let text = raw.trim().replace(/^ipv6:/i, '');
  text = text.replace(/%[a-z0-9._-]+$/i, ''); // a zone (fe80::1%eth0) does not matter to SPF
  text = text.replace(/\.$/, '');
  const parsed = parseIp(text);
  if (!parsed) return undefined;
  const address = spfAddress(parsed.ip)!;
  const ip = readableAddress(address);
  const mapped = parsed.family === 6 && address.family === 4;
  return { ip, family: address.family, mapped, ...(ip !== raw ? { given: raw } : {}) };
}
