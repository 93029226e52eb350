/**
 * One Received field read into its clauses (RFC 5321 §4.4, RFC 5322 §3.6.7):
 *   from NAME (COMMENTS) by NAME (COMMENTS) via LINK with PROTOCOL id ID for <ADDRESS>; DATE
 * Every clause is optional and servers add their own comments anywhere, so the field is read
 * as tokens (comments nested, quoted strings kept whole) and each keyword opens a clause.
 * Nothing is refused: what cannot be read is null.
 */
import { parseMailDate } from '../parse/mail-date';
import { tokenize, type Token } from '../parse/header-tokens';
import type { ByteString } from '../types';
import { receivedSender } from './received-sender';
import { receivedTls } from './received-tls';

export interface ReceivedInfo {
  /** The from clause's name as written (`[192.0.2.1]` for a literal), or null. */
  from: string | null;
  /** The HELO name: Exim's helo=, qmail's (HELO x), else the from name. */
  helo: string | null;
  /** The sending address the receiver recorded, canonical text, or null. */
  ip: string | null;
  by: string | null;
  /** The protocol: `ESMTPS`, `SMTP`, `Microsoft SMTP Server`, `HTTP`... */
  with: string | null;
  id: string | null;
  /** The recipient of the `for` clause, without angle brackets. */
  for: string | null;
  tls: boolean | null;
  /** The date after the last ";", in ms since the epoch, or null. */
  at: number | null;
  /** A date was written (whether or not it could be read). */
  dated: boolean;
}

/**
 * Real Received fields are under 1 KB. A longer one is read from its first MAX_LENGTH bytes for
 * the clauses and its last DATE_TAIL bytes for the date, so its cost is bounded.
 */
export const MAX_LENGTH = 4096;
const DATE_TAIL = 256;
const KEYWORDS = new Set(['from', 'by', 'via', 'with', 'id', 'for']);
/** Multi-word protocols (`Microsoft SMTP Server`) are short; more words are not a protocol. */
const MAX_PROTOCOL_WORDS = 4;

/** A clause's tokens in order, its comments among them. */
type Clause = Token[];

export function parseReceived(value: ByteString): ReceivedInfo {
  const head = value.slice(0, MAX_LENGTH);
  const tokens = tokenize(head, ';');
  let lastSemicolon = -1;
  for (let index = 0; index < tokens.length; index++) if (tokens[index]!.kind === 'special') lastSemicolon = index;

  let dateText: string | null;
  if (value.length > MAX_LENGTH) {
    const tail = value.slice(-DATE_TAIL);
    dateText = tail.includes(';') ? tail.slice(tail.lastIndexOf(';') + 1) : null;
  } else {
    dateText = lastSemicolon < 0 ? null : head.slice(tokens[lastSemicolon]!.end);
  }
  const clauses = readClauses(lastSemicolon < 0 ? tokens : tokens.slice(0, lastSemicolon));
  const from = clauses.get('from');
  const fromName = from?.find((token) => token.kind !== 'comment');
  const sender = from ? receivedSender(fromName, commentsOf(from)) : { ip: null, helo: null };
  const protocol = protocolOf(clauses.get('with'));
  const comments = [...clauses.values()].flatMap(commentsOf);
  return {
    from: fromName ? nameOf(fromName) : null,
    helo: sender.helo,
    ip: sender.ip,
    by: firstValue(clauses.get('by')),
    with: protocol,
    id: firstValue(clauses.get('id')),
    for: firstValue(clauses.get('for'))?.replace(/^<|>$/g, '') || null,
    tls: receivedTls(protocol, comments),
    at: dateText === null ? null : parseMailDate(dateText),
    dated: dateText !== null && dateText.trim() !== '',
  };
}

/**
 * Each keyword opens its clause; what follows belongs to it up to the next keyword. A keyword
 * seen twice keeps its first clause (a second `from` is no Received syntax). Comments before
 * any keyword (qmail's "(qmail 123 invoked by uid 89)") belong to none.
 */
function readClauses(tokens: readonly Token[]): Map<string, Clause> {
  const clauses = new Map<string, Clause>();
  let current: Clause | null = null;
  for (const token of tokens) {
    const keyword = token.kind === 'word' ? token.text.toLowerCase() : '';
    if (KEYWORDS.has(keyword)) {
      current = [];
      if (!clauses.has(keyword)) clauses.set(keyword, current);
    } else {
      current?.push(token);
    }
  }
  return clauses;
}

function commentsOf(clause: Clause): string[] {
  return clause.filter((token) => token.kind === 'comment').map((token) => token.text);
}

/** The clause's first name or literal, as written. */
function firstValue(clause: Clause | undefined): string | null {
  const token = clause?.find((candidate) => candidate.kind !== 'comment');
  return token === undefined ? null : nameOf(token);
}

function nameOf(token: Token): string {
  return token.kind === 'literal' ? `[${token.text}]` : token.text;
}

/**
 * The words right after `with`, up to the first comment: `ESMTPS`, `Microsoft SMTP Server`.
 * What follows a comment is not the protocol (Exim: "with esmtps (TLS1.3) tls TLS_AES_256...").
 */
function protocolOf(clause: Clause | undefined): string | null {
  const words: string[] = [];
  for (const token of clause ?? []) {
    if (token.kind !== 'word' || words.length === MAX_PROTOCOL_WORDS) break;
    words.push(token.text);
  }
  return words.length > 0 ? words.join(' ') : null;
}
