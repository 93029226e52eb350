/**
 * The SMTP TLS reporting record (RFC 8460 §3): `v=TLSRPTv1; rua=mailto:...,https://...`.
 * Senders report failed TLS deliveries there, which is how a domain learns that MTA-STS or DANE
 * is turning mail away.
 */
import { duplicateTagNames, parseTagList, quoted } from '../tag-list';
import type { TlsRptParse } from './types';

/** §3: records that do not begin with `v=TLSRPTv1;` are discarded. */
export function isTlsRptRecord(record: string): boolean {
  return /^v=TLSRPTv1[ \t]*(;|$)/.test(record);
}

const EXTENSION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

export function parseTlsRpt(record: string): TlsRptParse {
  const { tags, errors } = parseTagList(record);
  const parse: TlsRptParse = { rua: [], errors, unknownTags: [] };
  if (!isTlsRptRecord(record)) errors.push('The record must begin with v=TLSRPTv1;.');
  for (const name of duplicateTagNames(tags)) errors.push(`The field ${name}= appears more than once.`);
  let sawRua = false;
  for (const { name, value } of tags) {
    if (name === 'v') continue;
    if (name !== 'rua') {
      if (EXTENSION_NAME.test(name)) parse.unknownTags.push(name);
      else errors.push(`${quoted(name, 40)} is not a valid field name.`);
      continue;
    }
    if (sawRua) continue;
    sawRua = true;
    for (const item of value.split(',')) {
      const uri = item.trim();
      if (uri === '') continue;
      // §3: "mailto" and "https" are the two schemes senders support.
      if (/^mailto:[^@\s]+@[^@\s]+$/i.test(uri) || /^https:\/\/[^\s/]+/i.test(uri)) parse.rua.push(uri);
      else errors.push(`rua: ${quoted(uri, 50)} is not a mailto: address or an https: URL.`);
    }
  }
  if (!sawRua) errors.push('There is no rua= field: the record names nowhere to send reports.');
  return parse;
}
