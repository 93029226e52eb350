/**
 * Where a bounce's facts are, before they are combined: the DSN's delivery-status part
 * (RFC 3464), the human-readable text (a known server's wording, or just an SMTP reply line),
 * the returned original, and a lone SMTP error line pasted alone. A message must first look
 * like a bounce (looks-like-bounce.ts); text without a header is read only for the fixed
 * sentences of bounce software or for a reply at its very start.
 */
import { walkMime, type MimeLeaf } from '../mime/walk-mime';
import { readPartHead } from '../mime/part-headers';
import type { ByteString, HeaderField, ParsedMessage } from '../types';
import { readDeliveryStatus, type DeliveryStatus } from './delivery-status';
import { bounceSign } from './looks-like-bounce';
import { parseReplyLine, readReplyLines, type SmtpReply } from './smtp-reply';
import { readTextBounce, type TextBounce } from './text-bounces';
import { originalInText } from './text-original';

export interface BounceSources {
  dsn: DeliveryStatus | null;
  text: TextBounce | null;
  /** The first SMTP reply line in the text, when no known wording matched (or for a lone line). */
  looseReply: SmtpReply | null;
  /** The input is an SMTP error pasted alone. */
  lone: boolean;
  original: { original: ByteString; kind: 'message' | 'headers' } | null;
  /** Exim's X-Failed-Recipients, when present. */
  failedRecipients: string | null;
  notes: string[];
}

/** Text read for wording and reply lines: bounce texts are short; the rest is the original. */
const MAX_TEXT = 256 * 1024;
const MAX_LINE = 4096;
const MAX_LINES = 5000;
const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const ORIGINAL_TYPES: ReadonlyMap<string, 'message' | 'headers'> = new Map([
  ['message/rfc822', 'message'],
  ['message/global', 'message'],
  ['text/rfc822-headers', 'headers'],
  ['message/rfc822-headers', 'headers'],
  ['message/global-headers', 'headers'],
]);

export function linesOf(text: ByteString): string[] {
  const lines = text.slice(0, MAX_TEXT).split('\n', MAX_LINES);
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line).slice(0, MAX_LINE));
}

function firstReplyLine(lines: readonly string[]): SmtpReply | null {
  const trimmed = lines.map((line) => line.trim());
  for (let i = 0; i < trimmed.length; i++) {
    const line = parseReplyLine(trimmed[i] ?? '');
    if (line && line.code >= 400) return readReplyLines(trimmed, i)?.reply ?? null;
  }
  return null;
}

export function gatherSources(input: ByteString, message: ParsedMessage | null): BounceSources | null {
  let headers: readonly HeaderField[] = message?.headers ?? [];
  let body: ByteString = message ? (message.body ?? '') : input;
  if (headers.length === 0) {
    const head = readPartHead(input);
    if (head.headers.some((field) => ['from', 'subject', 'content-type', 'return-path', 'x-failed-recipients'].includes(field.key))) {
      headers = head.headers;
      body = head.body;
    }
  }
  return headers.length > 0 ? fromMessage(headers, body) : fromText(input);
}

function fromMessage(headers: readonly HeaderField[], body: ByteString): BounceSources | null {
  if (bounceSign(headers) === null) return null;
  const walk = walkMime(headers, body);
  const dsnLeaf = walk.leaves.find((leaf) => DSN_TYPES.has(leaf.contentType.mediaType));
  const originalLeaf = walk.leaves.find((leaf) => ORIGINAL_TYPES.has(leaf.contentType.mediaType));
  const textLeaves = walk.leaves.filter((leaf) => leaf.contentType.mediaType === 'text/plain' && leaf !== originalLeaf);
  const text = textLeaves.map((leaf: MimeLeaf) => leaf.body.slice(0, MAX_TEXT)).join('\r\n');
  const lines = linesOf(text);
  const readText = readTextBounce(lines);
  const original = originalLeaf
    ? { original: originalLeaf.body, kind: ORIGINAL_TYPES.get(originalLeaf.contentType.mediaType) ?? 'message' }
    : originalInText(text);
  const failed = headers.find((field) => field.key === 'x-failed-recipients')?.value.slice(0, 320) ?? null;
  return {
    dsn: dsnLeaf ? readDeliveryStatus(dsnLeaf.body) : null,
    text: readText,
    looseReply: readText?.reply ? null : firstReplyLine(lines),
    lone: false,
    original,
    failedRecipients: failed ? (failed.split(',')[0]?.trim() ?? null) : null,
    notes: walk.notes,
  };
}

function fromText(input: ByteString): BounceSources | null {
  const lines = linesOf(input);
  const text = readTextBounce(lines);
  // A delivery-status block pasted alone (the fields of RFC 3464 §2.3).
  const dsn = /^(?:Final-Recipient|Original-Recipient|Action):/im.test(input.slice(0, MAX_TEXT)) ? readDeliveryStatus(input) : null;
  const base = { original: text ? originalInText(input.slice(0, 2 * MAX_TEXT)) : null, failedRecipients: null, notes: [] };
  if (text || (dsn && dsn.recipients.length > 0)) return { ...base, dsn, text, looseReply: text?.reply ? null : firstReplyLine(lines), lone: false };
  // An SMTP error pasted alone: the reply must be the first thing in the input. A reply with
  // no enhanced status ("554 Transaction failed") counts only in a short paste, so prose that
  // happens to start with a number is not taken for one.
  const contentLines = lines.map((line) => line.trim().replace(/^smtp;\s*/i, '')).filter((line) => line !== '');
  const first = parseReplyLine(contentLines[0] ?? '');
  if (!first || first.code < 400) return null;
  if (first.status === null && (contentLines.length > 10 || first.text.trim() === '')) return null;
  const reply = readReplyLines(contentLines, 0)?.reply ?? null;
  return { ...base, dsn: null, text: null, looseReply: reply, lone: true };
}
