/**
 * A DMARC record (RFC 7489 §6.3-6.4, DMARCbis §4.7-4.8) read into its tags. Receivers discard
 * a record that does not start with `v=DMARC1`, ignore unknown tags, and skip broken values in
 * favour of defaults; an unreadable policy falls back as RFC 7489 §6.6.3 says.
 */
import { duplicateTagNames, parseTagList, quoted } from '../tag-list';
import type { DmarcPolicy, DmarcRecordParse, DmarcTags } from './types';

const KNOWN = new Set(['v', 'p', 'sp', 'np', 'pct', 'adkim', 'aspf', 'rua', 'ruf', 'fo', 'rf', 'ri', 'psd', 't']);
const POLICIES = new Set(['none', 'quarantine', 'reject']);

/**
 * Does the record start with `v=DMARC1`? Only those are DMARC records (RFC 7489 §6.6.3 step 2);
 * the value is case sensitive (DMARCbis §4.8 `%s"DMARC1"`).
 */
export function isDmarcRecord(record: string): boolean {
  return /^[ \t]*[vV][ \t]*=[ \t]*DMARC1[ \t]*(;|$)/.test(record);
}

/** A TXT record that was probably meant as DMARC but that receivers discard. */
export function looksLikeDmarc(record: string): boolean {
  return !isDmarcRecord(record) && /v[ \t]*=[ \t]*dmarc/i.test(record);
}

/** Why a record that looks like DMARC is discarded, as a sentence. */
export function discardReason(record: string): string {
  if (/^[ \t]*v[ \t]*=[ \t]*dmarc1[ \t]*(;|$)/i.test(record)) return 'v= must be exactly DMARC1, in capitals';
  if (/^[ \t]*v[ \t]*=/i.test(record)) return 'its version is not DMARC1';
  return 'it does not start with v=DMARC1';
}

export function parseDmarc(record: string): DmarcRecordParse {
  const { tags: list, errors } = parseTagList(record);
  const tags: DmarcTags = { rua: [], ruf: [] };
  const unknownTags: string[] = [];
  const invalid = new Set<string>();
  const bad = (name: string, value: string, expected: string) => {
    invalid.add(name);
    errors.push(`${name}=${quoted(value, 40).slice(1, -1)} is not valid: ${expected}.`);
  };

  if (!isDmarcRecord(record)) errors.push('The record must start with v=DMARC1; receivers discard it.');
  for (const name of duplicateTagNames(list, false)) errors.push(`The tag ${name}= appears more than once; receivers may read either.`);

  const seen = new Set<string>();
  for (const { name: rawName, value: rawValue } of list) {
    const name = rawName.toLowerCase(); // ABNF literals are case-insensitive (RFC 5234 §2.3)
    if (seen.has(name)) continue; // the first one counts
    seen.add(name);
    if (!KNOWN.has(name)) {
      unknownTags.push(rawName);
      continue;
    }
    const value = rawValue.toLowerCase();
    switch (name) {
      case 'v':
        break;
      case 'p':
      case 'sp':
      case 'np':
        if (POLICIES.has(value)) tags[name] = value as DmarcPolicy;
        else bad(name, rawValue, 'it must be none, quarantine or reject');
        break;
      case 'pct':
        if (/^\d{1,3}$/.test(value) && Number(value) <= 100) tags.pct = Number(value);
        else bad(name, rawValue, 'it must be a whole number from 0 to 100');
        break;
      case 'adkim':
      case 'aspf':
        if (value === 'r' || value === 's') tags[name] = value;
        else bad(name, rawValue, 'it must be r (relaxed) or s (strict)');
        break;
      case 'rua':
      case 'ruf':
        readUris(name, rawValue, tags[name], errors);
        break;
      case 'fo':
        // dmarc-fo: colon-separated 0, 1, d, s
        if (/^[01ds]([ \t]*:[ \t]*[01ds])*$/.test(value)) tags.fo = value.replace(/[ \t]/g, '');
        else bad(name, rawValue, 'it must be 0, 1, d or s, separated by colons');
        break;
      case 'rf':
        if (/^[a-z0-9]+([ \t]*:[ \t]*[a-z0-9]+)*$/.test(value)) tags.rf = value.replace(/[ \t]/g, '');
        else bad(name, rawValue, 'it must be a report format such as afrf');
        break;
      case 'ri':
        if (/^\d{1,10}$/.test(value) && Number(value) <= 0xffffffff) tags.ri = Number(value);
        else bad(name, rawValue, 'it must be a number of seconds');
        break;
      case 'psd':
        if (value === 'y' || value === 'n' || value === 'u') tags.psd = value;
        else bad(name, rawValue, 'it must be y, n or u');
        break;
      case 't':
        if (value === 'y' || value === 'n') tags.t = value;
        else bad(name, rawValue, 'it must be y or n');
        break;
    }
  }

  const parse: DmarcRecordParse = { tags, errors, unknownTags };
  if (!seen.has('p')) errors.push('There is no p= tag: the record states no policy.');
  // RFC 7489 §6.6.3, DMARCbis §4.10.1: an unreadable p=, sp= or np= sends the whole record to p=none
  // when rua= holds a valid URI, and out of DMARC otherwise. DMARCbis §4.7: a missing p= reads as none.
  if (invalid.has('p') || invalid.has('sp') || invalid.has('np')) {
    parse.fallback = tags.rua.length > 0 ? 'none-for-rua' : 'ignored';
    if (parse.fallback === 'none-for-rua') parse.policy = 'none';
  } else if (tags.p === undefined) {
    parse.fallback = 'p-missing';
    parse.policy = 'none';
  } else {
    parse.policy = tags.p;
  }
  return parse;
}

/**
 * RFC 7489 §6.2: a comma-separated list of URIs, each with an optional, obsolete `!size` suffix
 * (DMARCbis §4.8 says to ignore it). Commas and `!` inside a URI must be percent-encoded.
 */
function readUris(name: 'rua' | 'ruf', value: string, into: string[], errors: string[]): void {
  for (const item of value.split(',')) {
    const uri = item.trim().replace(/!\d+[kmgt]?$/i, '');
    if (uri === '') continue;
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):(\S+)$/.exec(uri);
    if (!scheme || /[!\s]/.test(uri)) {
      errors.push(`${name}: ${quoted(uri, 50)} is not a URI.`);
      continue;
    }
    if (scheme[1]!.toLowerCase() === 'mailto' && reportHost(uri) === undefined) {
      errors.push(`${name}: ${quoted(uri, 50)} is not a mail address (mailto:someone@example.com).`);
      continue;
    }
    into.push(uri);
  }
}

/** The domain a `mailto:` report URI sends to, lower case, or `undefined` for other URIs. */
export function reportHost(uri: string): string | undefined {
  const match = /^mailto:[^@?]+@([A-Za-z0-9.-]+?)\.?(?:\?.*)?$/i.exec(uri);
  return match?.[1]?.toLowerCase();
}
