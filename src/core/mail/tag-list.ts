/**
 * The `tag=value; tag=value` lists of DKIM key records (RFC 6376 §3.2). DMARC (RFC 7489 §6.4),
 * SMTP TLS reporting (RFC 8460 §3), MTA-STS (RFC 8461 §3.1) and BIMI (draft §4.3) records borrow
 * the syntax, so they all read through here. This reads the shape only; each record type checks
 * its own tag names and values.
 */
import { trimSpace } from '../text/trim-space';

export interface Tag {
  name: string;
  value: string;
}

export interface TagList {
  tags: Tag[];
  /** Parts that are not `name=value`, as sentences for people. */
  errors: string[];
}

/** RFC 6376 §3.2 tag-name, widened to the `-` and `.` that RFC 8460/8461 extension names allow. */
const TAG_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function parseTagList(text: string): TagList {
  const tags: Tag[] = [];
  const errors: string[] = [];
  for (const part of text.split(';')) {
    // Folding white space around tags and values: spaces, tabs and line breaks (RFC 6376 §2.8).
    const spec = trimSpace(part, true);
    // Empty parts (a trailing ";" or ";;") carry nothing; receivers skip them.
    if (spec === '') continue;
    const equals = spec.indexOf('=');
    if (equals < 0) {
      errors.push(`${quoted(spec)} is not a tag=value pair.`);
      continue;
    }
    const name = trimSpace(spec.slice(0, equals), true);
    if (!TAG_NAME.test(name)) {
      errors.push(`${quoted(name || spec)} is not a valid tag name.`);
      continue;
    }
    tags.push({ name, value: trimSpace(spec.slice(equals + 1), true) });
  }
  return { tags, errors };
}

/** Tag names given more than once (RFC 6376 §3.2: that makes a DKIM tag list invalid). */
export function duplicateTagNames(tags: readonly Tag[], caseSensitive = true): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const tag of tags) {
    const name = caseSensitive ? tag.name : tag.name.toLowerCase();
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  return [...duplicates];
}

/** The first value of a tag, if present. */
export function tagValue(tags: readonly Tag[], name: string): string | undefined {
  return tags.find((tag) => tag.name === name)?.value;
}

/** DNS text quoted for a sentence, cut short so one hostile record cannot flood a message. */
export function quoted(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return `"${cut}"`;
}
