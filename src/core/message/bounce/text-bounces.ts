/**
 * The human-readable bounces of the common mail servers, recognised by the fixed sentences
 * their software writes (Exim, Postfix, Microsoft Exchange / 365, Gmail, Sendmail, qmail), and
 * read for the failed recipient, the remote server and the server's reply. Lines come capped
 * by the caller; every pattern is anchored or bounded.
 */
import { findReplyInText, readReplyLines, readStatusOnly, type SmtpReply } from './smtp-reply';

export type TextReporter = 'exim' | 'postfix' | 'microsoft' | 'gmail' | 'sendmail' | 'qmail';

export interface TextBounce {
  reporter: TextReporter;
  recipient: string | null;
  remoteMta: string | null;
  reply: SmtpReply | null;
  /** The reason in words when the server gave no SMTP reply (a DNS failure, a timeout). */
  detail: string | null;
}

const ADDRESS = /<?([^\s<>@"'()[\],;:]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?/;
const HOST_AND_IP = /\bhost\s+([A-Za-z0-9._-]{1,253})\s?\[([0-9A-Fa-f:.]{2,45})\]/;

function addressIn(line: string | undefined): string | null {
  return line === undefined ? null : (ADDRESS.exec(line)?.[1] ?? null);
}

function indexOf(lines: readonly string[], marker: string, from = 0): number {
  // Servers vary the case of their fixed sentences across versions ("Remote Server returned" / "Remote server returned").
  const wanted = marker.toLowerCase();
  for (let i = from; i < lines.length; i++) if (lines[i]?.toLowerCase().includes(wanted)) return i;
  return -1;
}

/** The first line at or after `from` that holds an address, within `within` lines. */
function addressAfter(lines: readonly string[], from: number, within = 6): string | null {
  for (let i = from; i >= 0 && i < Math.min(lines.length, from + within); i++) {
    const found = addressIn(lines[i]);
    if (found) return found;
  }
  return null;
}

/** A reply starting on one of the `within` lines from `from` (indented or prefixed lines trimmed). */
function replyFrom(lines: readonly string[], from: number, strip = '', within = 6): SmtpReply | null {
  const trimmed = lines.slice(Math.max(0, from), Math.max(0, from) + within + 50).map((line) => {
    const text = line.trim();
    return strip !== '' && text.startsWith(strip) ? text.slice(strip.length).trim() : text;
  });
  for (let i = 0; i < Math.min(within, trimmed.length); i++) {
    const found = readReplyLines(trimmed, i);
    if (found) return found.reply;
  }
  return null;
}

/** The line at `from` after `marker`, with the lines that follow it up to an empty line. */
function paragraphAfter(lines: readonly string[], from: number, marker: string): string {
  const first = lines[from] ?? '';
  const parts = [first.slice(first.toLowerCase().indexOf(marker.toLowerCase()) + marker.length)];
  for (let i = from + 1; i < lines.length && i < from + 30 && (lines[i] ?? '').trim() !== ''; i++) parts.push((lines[i] ?? '').trim());
  return parts.join(' ').replace(/\(in reply to [^()]{0,80}\)/g, '');
}

function remoteOf(line: string | undefined): string | null {
  const match = line === undefined ? null : HOST_AND_IP.exec(line);
  return match ? `${match[1]} [${match[2]}]` : null;
}

function exim(lines: readonly string[]): TextBounce | null {
  const error = indexOf(lines, 'SMTP error from remote mail server');
  const intro = indexOf(lines, 'This message was created automatically by mail delivery software');
  if (error < 0 && intro < 0) return null;
  const failed = indexOf(lines, 'address(es) failed');
  const hostLine = lines.findIndex((line) => HOST_AND_IP.test(line));
  let reply: SmtpReply | null = null;
  // Older Exim: "host mx.example.net [192.0.2.1]: 550-5.7.26 text", continued on indented lines.
  const inline = hostLine >= 0 ? (lines[hostLine] ?? '').split(']: ')[1] : undefined;
  if (inline !== undefined) reply = readReplyLines([inline, ...lines.slice(hostLine + 1, hostLine + 50).map((l) => l.trim())], 0)?.reply ?? null;
  reply ??= error >= 0 ? replyFrom(lines, error + 1) : null;
  const detailLine =
    failed >= 0 ? lines.slice(failed + 1, failed + 8).find((l) => /^\s{4,}\S/.test(l) && !HOST_AND_IP.test(l) && !/SMTP error/.test(l)) : undefined;
  return {
    reporter: 'exim',
    recipient: failed >= 0 ? addressAfter(lines, failed + 1) : addressIn(lines[error]),
    remoteMta: remoteOf(lines[hostLine]),
    reply,
    detail: reply ? null : (detailLine?.trim() ?? null),
  };
}

function postfix(lines: readonly string[]): TextBounce | null {
  const said = lines.findIndex((line) => line.includes(' said: ') && HOST_AND_IP.test(line));
  const intro = indexOf(lines, 'This is the mail system at host');
  if (said < 0 && intro < 0) return null;
  if (said >= 0) {
    const text = paragraphAfter(lines, said, ' said: ');
    return {
      reporter: 'postfix',
      recipient: addressIn(lines[said]),
      remoteMta: remoteOf(lines[said]),
      reply: findReplyInText(text) ?? readStatusOnly(text),
      detail: null,
    };
  }
  // "<a@example.net>: Host or domain name not found. ..." : a reason without an SMTP reply.
  const reason = lines.findIndex((line, i) => i > intro && /^<[^>]{1,320}>: /.test(line));
  if (reason < 0) return { reporter: 'postfix', recipient: null, remoteMta: null, reply: null, detail: null };
  const text = paragraphAfter(lines, reason, '>: ');
  return { reporter: 'postfix', recipient: addressIn(lines[reason]), remoteMta: null, reply: findReplyInText(text), detail: text.trim() };
}

function microsoft(lines: readonly string[]): TextBounce | null {
  const returned = indexOf(lines, 'Remote Server returned');
  const admin = indexOf(lines, 'Diagnostic information for administrators');
  const failedTo = indexOf(lines, 'Delivery has failed to these recipients');
  if (returned < 0 && admin < 0 && failedTo < 0) return null;
  const text = returned >= 0 ? paragraphAfter(lines, returned, 'Remote Server returned').replace(/^\s*'|'\s*$/g, '') : '';
  const generating = indexOf(lines, 'Generating server:', Math.max(admin, 0));
  const recipient = generating >= 0 ? addressAfter(lines, generating + 1, 3) : failedTo >= 0 ? addressAfter(lines, failedTo + 1, 3) : null;
  const before = (lines[returned - 1] ?? '').trim();
  const remoteMta = returned > 0 && /^[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/.test(before) ? before : null;
  return { reporter: 'microsoft', recipient, remoteMta, reply: findReplyInText(text) ?? readStatusOnly(text), detail: null };
}

function gmail(lines: readonly string[]): TextBounce | null {
  let marker = indexOf(lines, 'The response from the remote server was:');
  if (marker < 0) marker = indexOf(lines, 'The response was:');
  if (marker < 0) return null;
  const delivered = lines.findIndex((line) => /wasn't delivered to|could not be delivered to|couldn't be delivered to/.test(line));
  return {
    reporter: 'gmail',
    recipient: delivered >= 0 ? addressIn(lines[delivered]) : null,
    remoteMta: null,
    reply: replyFrom(lines, marker + 1),
    detail: null,
  };
}

function sendmail(lines: readonly string[]): TextBounce | null {
  const fatal = indexOf(lines, '----- The following addresses had');
  const transcript = indexOf(lines, '----- Transcript of session follows -----');
  if (fatal < 0 && transcript < 0) return null;
  const reason = lines.findIndex((line) => line.trim().startsWith('(reason: '));
  const talking = lines.map((line) => /while talking to ([A-Za-z0-9.-]{1,253}):/.exec(line)?.[1]).find((host) => host !== undefined);
  const replyLine = lines.findIndex((line, i) => i > transcript && /^<<< [45]\d\d/.test(line.trim()));
  const reply = reason >= 0 ? findReplyInText(paragraphAfter(lines, reason, '(reason:').replace(/\)\s*$/, '')) : null;
  return {
    reporter: 'sendmail',
    recipient: fatal >= 0 ? addressAfter(lines, fatal + 1) : null,
    remoteMta: talking ? talking.replace(/\.$/, '') : null,
    reply: reply ?? (replyLine >= 0 ? replyFrom(lines, replyLine, '<<<', 1) : null),
    detail: null,
  };
}

function qmail(lines: readonly string[]): TextBounce | null {
  if (indexOf(lines, 'This is the qmail-send program') < 0) return null;
  const recipientLine = lines.findIndex((line) => /^<[^>]{1,320}>:\s*$/.test(line.trim()));
  const said = indexOf(lines, 'Remote host said:');
  const remote = lines.map((line) => /^(\S{1,253}) does not like recipient|^Connected to (\S{1,253}) but/.exec(line.trim())).find((m) => m);
  const text = said >= 0 ? paragraphAfter(lines, said, 'Remote host said:') : '';
  const detail = recipientLine >= 0 ? (lines[recipientLine + 1] ?? '').trim() : '';
  const reply = findReplyInText(text);
  return {
    reporter: 'qmail',
    recipient: addressIn(lines[recipientLine]),
    remoteMta: remote ? (remote[1] ?? remote[2] ?? null) : null,
    reply,
    detail: reply || detail === '' ? null : detail,
  };
}

/** Most specific first: a Postfix or Exim text can quote a Microsoft or Gmail reply. */
const READERS = [qmail, sendmail, postfix, exim, microsoft, gmail] as const;

export function readTextBounce(lines: readonly string[]): TextBounce | null {
  for (const read of READERS) {
    const found = read(lines);
    if (found) return found;
  }
  return null;
}
