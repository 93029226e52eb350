/**
 * A BIMI assertion record (draft-brand-indicators-for-message-identification §4.3): `v=BIMI1`
 * first, `l=` the logo's HTTPS URL (SVG), `a=` the HTTPS URL of the mark certificate. Receivers
 * must not fix errors (§4.3), so they are reported as they are.
 */
import { duplicateTagNames, parseTagList, quoted, tagValue } from '../tag-list';
import type { BimiParse } from './types';

/** `bimi-version = "v" *WSP "=" *WSP "BIMI1"`, the first tag. */
export function isBimiRecord(record: string): boolean {
  return /^[ \t]*[vV][ \t]*=[ \t]*BIMI1[ \t]*(;|$)/.test(record); // the value must match precisely
}

const KNOWN = new Set(['v', 'l', 'a', 'avp', 'lps']);
/** §4.3.2: the registered formats are SVG and SVGZ; another image suffix is a permanent error. */
const OTHER_IMAGE = /\.(png|jpe?g|gif|webp|bmp|ico|tiff?|avif)$/i;

export function parseBimi(record: string): BimiParse {
  const { tags, errors } = parseTagList(record);
  const parse: BimiParse = { declined: false, errors, locationNotHttps: false, unknownTags: [] };
  if (!isBimiRecord(record)) errors.push('The record must start with v=BIMI1.');
  for (const name of duplicateTagNames(tags)) errors.push(`The tag ${name}= appears more than once.`);
  for (const { name } of tags) if (!KNOWN.has(name) && !parse.unknownTags.includes(name)) parse.unknownTags.push(name);

  const location = tagValue(tags, 'l');
  const authority = tagValue(tags, 'a');
  if (location === undefined) errors.push('There is no l= tag (the logo location; leave it empty to decline BIMI).');
  if (location) {
    parse.location = location;
    checkHttps('l', location, parse);
    if (location.includes(',')) errors.push('l= must hold a single URL.');
    else if (OTHER_IMAGE.test(location.replace(/[?#].*$/, '')))
      errors.push(`l= points to an image that is not SVG (${quoted(location, 60)}); BIMI logos must be SVG Tiny PS.`);
  }
  if (authority) {
    parse.authority = authority;
    checkHttps('a', authority, parse);
  }
  parse.declined = location === '' && !authority;

  const avp = tagValue(tags, 'avp');
  if (avp !== undefined) {
    parse.avatarPreference = avp;
    // §4.3: other values must be ignored, and a provider may treat them as a failing record.
    if (avp !== 'brand' && avp !== 'personal') errors.push(`avp=${quoted(avp, 20).slice(1, -1)} must be brand or personal.`);
  }
  const lps = tagValue(tags, 'lps');
  if (lps !== undefined) {
    if (lps === 'true' || lps === 'false') parse.localPartSelectors = lps === 'true';
    else errors.push(`lps=${quoted(lps, 20).slice(1, -1)} must be true or false.`);
  }
  return parse;
}

/** §4.3: "MUST specify HTTPS as the URI scheme", with a host name. */
function checkHttps(tag: 'l' | 'a', uri: string, parse: BimiParse): void {
  if (/^https:\/\/[A-Za-z0-9.-]+\.[A-Za-z0-9-]+(?::\d+)?(?:[/?#]|$)/i.test(uri)) return;
  if (tag === 'l') parse.locationNotHttps = true;
  else parse.errors.push(`a= is not an https: URL with a host name (${quoted(uri, 60)}).`);
}
