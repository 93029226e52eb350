/**
 * The key records of the signatures in a message, fetched together: one TXT question per distinct
 * `s._domainkey.d` (RFC 6376 §3.6.2.1), all in parallel, read with the existing key parser.
 */
import type { DnsAsk } from '../../mail/dns-ask';
import { isDkimKeyRecord, parseDkimKey } from '../../mail/dkim/parse-dkim-key';
import type { DkimKey } from '../../mail/dkim/types';

/** Key records tried per name: RFC 6376 §3.6.2.2 wants one; a few cover a rollover left behind. */
const MAX_KEYS_TRIED = 3;

export type KeyLookup =
  | { kind: 'keys'; name: string; keys: DkimKey[]; warnings: string[] }
  | { kind: 'temperror'; name: string; reason: string }
  | { kind: 'permerror'; name: string; reason: string };

export function keyName(selector: string, domain: string): string {
  return `${selector}._domainkey.${domain}`;
}

/** Ask every name once, in parallel; the answers by name. */
export async function lookupKeys(ask: DnsAsk, names: Iterable<string>): Promise<Map<string, KeyLookup>> {
  const unique = [...new Set(names)];
  const answers = await Promise.all(unique.map((name) => lookupKey(ask, name)));
  return new Map(unique.map((name, index) => [name, answers[index]!]));
}

async function lookupKey(ask: DnsAsk, name: string): Promise<KeyLookup> {
  let answer;
  try {
    answer = await ask(name, 'TXT');
  } catch {
    // DnsAsk never rejects by contract; a broken one is still only a temporary failure.
    return { kind: 'temperror', name, reason: `the key at ${name} could not be looked up` };
  }
  switch (answer.status) {
    case 'nxdomain':
      // RFC 6376 §6.1.2: no key record is PERMFAIL (no key for signature).
      return { kind: 'permerror', name, reason: `no key at that selector: ${name} does not exist` };
    case 'nodata':
      return { kind: 'permerror', name, reason: `no key at that selector: ${name} has no TXT record` };
    case 'ok':
      break;
    default: {
      // RFC 6376 §6.1.2: a key query that fails for a temporary reason is TEMPFAIL.
      const why = answer.error?.message ?? `the resolver answered ${answer.status.toUpperCase()}`;
      return { kind: 'temperror', name, reason: `the key at ${name} could not be looked up (${trimPeriod(why)})` };
    }
  }
  // Runs of white space made one SP first: tag-list's edge trimming rescans a long run once per
  // position, and no key tag means anything by a run's length (p= drops white space anyway).
  const records = answer.values.map((value) => value.replace(/[ \t\r\n]+/g, ' ')).filter(isDkimKeyRecord);
  if (records.length === 0) return { kind: 'permerror', name, reason: `no key at that selector: ${name} has TXT records, but none is a DKIM key` };
  const warnings: string[] = [];
  if (records.length > 1) {
    // RFC 6376 §3.6.2.2: several records at one selector make the result undefined; §6.1.2 lets a
    // verifier try each in turn, which is what receivers do.
    warnings.push(`${name} has ${records.length} DKIM key records; RFC 6376 §3.6.2.2 wants one, and receivers may pick either.`);
  }
  return { kind: 'keys', name, keys: records.slice(0, MAX_KEYS_TRIED).map(parseDkimKey), warnings };
}

function trimPeriod(text: string): string {
  return text.replace(/\.$/, '');
}
