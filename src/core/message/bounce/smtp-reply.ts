/**
 * SMTP replies as servers give them (RFC 5321 §4.2): a three-digit code, then "-" on every line
 * but the last of a multi-line reply, and usually an enhanced status code (RFC 2034, RFC 3463).
 * Bounces quote them folded, indented, inside quotes or after "said:"; this reads them back to
 * one code, one status and one line of text. Patterns are anchored or simple; callers cap lines.
 */
import { parseStatusCode } from './status-codes';

export interface SmtpReply {
  /** The basic reply code (550), or null when only an enhanced status was given. */
  code: number | null;
  /** The enhanced status code (5.7.26), or null. */
  status: string | null;
  /** The reply's text, continuation prefixes removed, white space collapsed. */
  text: string;
}

/** The longest diagnostic text kept: hostile input must not grow a report without bound. */
export const MAX_REPLY_TEXT = 1000;

const LINE = /^([245]\d\d)(?:([ -])(.*))?$/;
const STATUS_AT_START = /^#?([245]\.\d{1,3}\.\d{1,3})(?=$|[\s:;,)\]>])/;
const REPLY_INSIDE = /(?:^|[\s'"(:;<[])([245]\d\d)[ -](?:#?([245]\.\d{1,3}\.\d{1,3})(?=$|[\s:;,)\]>]))?/;

interface ReplyLine {
  code: number;
  more: boolean;
  status: string | null;
  text: string;
}

function splitStatus(rest: string): { status: string | null; text: string } {
  const match = STATUS_AT_START.exec(rest);
  if (!match?.[1]) return { status: null, text: rest };
  return { status: parseStatusCode(match[1]), text: rest.slice(match[0].length) };
}

/** One line of a reply, "550-5.7.26 text" or "554 Transaction failed", or null. */
export function parseReplyLine(line: string): ReplyLine | null {
  const match = LINE.exec(line.trim());
  if (!match?.[1]) return null;
  const { status, text } = splitStatus(match[3] ?? '');
  return { code: Number(match[1]), more: match[2] === '-', status, text };
}

/** A reply starting at `lines[start]`, its continuation lines joined (RFC 5321 §4.2.1). */
export function readReplyLines(lines: readonly string[], start: number): { reply: SmtpReply; next: number } | null {
  const first = parseReplyLine(lines[start] ?? '');
  if (!first) return null;
  const texts = [first.text];
  let next = start + 1;
  let more = first.more;
  while (more && next < lines.length && texts.length < 50) {
    const line = parseReplyLine(lines[next] ?? '');
    if (!line || line.code !== first.code) break;
    texts.push(line.text);
    more = line.more;
    next++;
  }
  return { reply: cleanReply(first.code, first.status, texts.join(' ')), next };
}

/** The first reply inside a line of prose: "... said: 550 5.7.26 text", "returned '550 5.4.1 ...'". */
export function findReplyInText(text: string): SmtpReply | null {
  const match = REPLY_INSIDE.exec(text);
  if (!match?.[1]) return null;
  return cleanReply(Number(match[1]), match[2] ? parseStatusCode(match[2]) : null, text.slice(match.index + match[0].length));
}

/** A reply given as an enhanced status code alone ("#5.1.1 text", "5.1.1 text"). */
export function readStatusOnly(text: string): SmtpReply | null {
  const { status, text: rest } = splitStatus(text.trim());
  return status ? cleanReply(null, status, rest) : null;
}

/** Removes the "550-5.7.26 " prefixes a folded multi-line reply keeps inside its text. */
export function cleanReply(code: number | null, status: string | null, text: string): SmtpReply {
  let body = text;
  if (code !== null) {
    for (const prefix of status ? [`${code}-${status}`, `${code} ${status}`] : [`${code}-`]) body = body.split(prefix).join(' ');
  }
  body = collapse(body).slice(0, MAX_REPLY_TEXT);
  return { code, status, text: body };
}

/** White space and control characters to single spaces, trimmed. */
export function collapse(text: string): string {
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  return text.replace(/[\x00-\x20\x7f]+/g, ' ').trim();
}

/** The reply as one line: "550 5.7.26 text". */
export function replyLine(reply: SmtpReply): string {
  return [reply.code ?? '', reply.status ?? '', reply.text].filter((part) => part !== '').join(' ');
}
