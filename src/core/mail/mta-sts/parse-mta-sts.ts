/**
 * The two halves of MTA-STS (RFC 8461): the `_mta-sts` TXT record that announces a policy and
 * its id (§3.1), and the policy file served over HTTPS (§3.2).
 */
import { duplicateTagNames, parseTagList, quoted } from '../tag-list';
import type { MtaStsMode, MtaStsPolicy, MtaStsRecordParse } from './types';

export { mxMatchesPolicy } from './mx-coverage';

/** §3.1: records that do not begin with `v=STSv1;` are discarded. */
export function isMtaStsRecord(record: string): boolean {
  return /^v=STSv1[ \t]*(;|$)/.test(record);
}

/** `sts-id = %s"id=" 1*32(ALPHA / DIGIT)` */
const ID = /^[A-Za-z0-9]{1,32}$/;
/** `sts-ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")` */
const EXTENSION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

export function parseMtaStsRecord(record: string): MtaStsRecordParse {
  const { tags, errors } = parseTagList(record);
  const parse: MtaStsRecordParse = { errors, unknownTags: [] };
  if (!isMtaStsRecord(record)) errors.push('The record must begin with v=STSv1;.');
  for (const name of duplicateTagNames(tags)) errors.push(`The field ${name}= appears more than once.`);
  for (const { name, value } of tags) {
    if (name === 'v') continue;
    if (name === 'id') {
      if (parse.id !== undefined) continue;
      if (ID.test(value)) parse.id = value;
      else errors.push(`id=${quoted(value, 40).slice(1, -1)} is not valid: it must be 1 to 32 letters and digits.`);
    } else if (EXTENSION_NAME.test(name)) {
      parse.unknownTags.push(name);
    } else {
      errors.push(`${quoted(name, 40)} is not a valid field name.`);
    }
  }
  if (parse.id === undefined && !tags.some((tag) => tag.name === 'id')) errors.push('There is no id= field; senders need it to notice policy changes.');
  return parse;
}

/** §3.2: at most a year (31557600 seconds). */
export const MAX_POLICY_AGE = 31_557_600;
const MODES = new Set<MtaStsMode>(['enforce', 'testing', 'none']);
const PATTERN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** Bounds, so a hostile or broken file cannot make the report huge. */
const MAX_LINES = 1000;

/**
 * The policy file (§3.2): `key: value` lines ended by LF or CRLF. version, mode and max_age
 * appear once; mx: repeats, and is required unless the mode is none; unknown keys are ignored.
 */
export function parseMtaStsPolicy(text: string): MtaStsPolicy {
  const policy: MtaStsPolicy = { mx: [], errors: [], unknownKeys: [] };
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_LINES) policy.errors.push(`The file has more than ${MAX_LINES} lines; only the first ${MAX_LINES} were read.`);
  for (const line of lines.slice(0, MAX_LINES)) {
    if (line.trim() === '') continue;
    const match = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,31}):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!match) {
      policy.errors.push(`${quoted(line, 50)} is not a key: value line.`);
      continue;
    }
    const [, key, value] = match as unknown as [string, string, string];
    if (key !== 'mx' && seen.has(key) && ['version', 'mode', 'max_age'].includes(key)) {
      policy.errors.push(`${key}: appears more than once.`);
      continue;
    }
    seen.add(key);
    switch (key) {
      case 'version':
        policy.version = value;
        if (value !== 'STSv1') policy.errors.push(`version: ${quoted(value, 30).slice(1, -1)} is not STSv1.`);
        break;
      case 'mode':
        if (MODES.has(value as MtaStsMode)) policy.mode = value as MtaStsMode;
        else policy.errors.push(`mode: ${quoted(value, 30).slice(1, -1)} is not enforce, testing or none.`);
        break;
      case 'max_age':
        if (/^\d{1,10}$/.test(value) && Number(value) <= MAX_POLICY_AGE) policy.maxAge = Number(value);
        else policy.errors.push(`max_age: ${quoted(value, 30).slice(1, -1)} is not a number of seconds from 0 to ${MAX_POLICY_AGE}.`);
        break;
      case 'mx':
        if (isMxPattern(value)) policy.mx.push(value.toLowerCase());
        else policy.errors.push(`mx: ${quoted(value, 50).slice(1, -1)} is not a host name or *.domain pattern.`);
        break;
      default:
        policy.unknownKeys.push(key);
        // Not a policy field (the id lives in the TXT record, §3.1), but some publishers add one.
        if (key === 'id' && policy.idLine === undefined) policy.idLine = value.slice(0, 64);
    }
  }
  if (policy.version === undefined) policy.errors.push('There is no version: STSv1 line.');
  if (!seen.has('mode')) policy.errors.push('There is no mode: line.');
  if (!seen.has('max_age')) policy.errors.push('There is no max_age: line.');
  if (policy.mx.length === 0 && policy.mode !== 'none' && !seen.has('mx'))
    policy.errors.push('There is no mx: line; a policy other than mode: none must list the mail servers.');
  return policy;
}

/** `sts-policy-mx-value = ["*."] Domain` */
function isMxPattern(value: string): boolean {
  const host = value.startsWith('*.') ? value.slice(2) : value;
  const labels = host.replace(/\.$/, '').split('.');
  return host.length <= 253 && labels.length >= 1 && labels.every((label) => PATTERN_LABEL.test(label));
}
