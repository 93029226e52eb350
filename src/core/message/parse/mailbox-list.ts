/**
 * The addresses of an address field (From, Return-Path), RFC 5322 §3.4: display names, quoted
 * strings, comments, angle brackets, groups (`Team: a@example.com, b@example.com;`) and the
 * obsolete forms of §4.4 (a source route inside the brackets, empty list elements). Only what
 * DMARC and SPF need is kept: each mailbox's local part and domain.
 */
import { tokenize, type Token } from './header-tokens';

export interface Mailbox {
  /** The local part, quoted strings undone; "" when there is none. */
  local: string;
  /** The domain as written (no "@"); "" when there is none. */
  domain: string;
  /** The domain is an address literal (`[192.0.2.1]`), not a name. */
  literal: boolean;
}

/** The mailboxes of `text`, in order; empty list elements and empty groups are skipped. */
export function parseMailboxList(text: string): Mailbox[] {
  const mailboxes: Mailbox[] = [];
  let current: Token[] = [];
  /** The tokens of the mailbox's "<...>", once one was opened. */
  let angle: Token[] | null = null;
  /** Inside "<...>": the first one of the mailbox is read, a second one is not an address form and is skipped. */
  let inAngle: 'read' | 'skip' | null = null;
  const finish = () => {
    const mailbox = readAddrSpec(angle ?? current);
    if (mailbox) mailboxes.push(mailbox);
    current = [];
    angle = null;
  };
  for (const token of tokenize(text, '<>@,;:')) {
    const special = token.kind === 'special' ? token.text : '';
    if (token.kind === 'comment') continue;
    if (inAngle !== null) {
      if (special === '>') inAngle = null;
      else if (inAngle === 'skip') continue;
      // §4.4 obs-route: "<@relay.example,@other.example:user@example.com>" keeps what follows the colon.
      else if (special === ':') angle = [];
      else angle!.push(token);
    } else if (special === '<') {
      inAngle = angle === null ? 'read' : 'skip';
      angle ??= [];
    } else if (special === ',' || special === ';') {
      finish();
    } else if (special === ':' && angle === null && !current.some(isAt)) {
      current = []; // §3.4 group: what came before the colon is the group's name
    } else {
      current.push(token);
    }
  }
  finish();
  return mailboxes;
}

function isAt(token: Token): boolean {
  return token.kind === 'special' && token.text === '@';
}

/**
 * `local@domain` from the tokens of one mailbox. In a mailbox without brackets the display name
 * cannot come first (`John john@example.com` is no mailbox), so the local part is the last
 * word before the "@".
 */
function readAddrSpec(tokens: readonly Token[]): Mailbox | null {
  if (tokens.length === 0) return null;
  let at = -1;
  for (let index = tokens.length - 1; index >= 0; index--) {
    if (isAt(tokens[index]!)) {
      at = index;
      break;
    }
  }
  if (at < 0) return { local: tokens.map((token) => token.text).join(''), domain: '', literal: false };
  const domainTokens = tokens.slice(at + 1).filter((token) => token.kind !== 'special');
  const literal = domainTokens.length === 1 && domainTokens[0]!.kind === 'literal';
  // Obsolete CFWS around dots ("example . com", §4.4) joins back into one name.
  const domain = literal ? domainTokens[0]!.text.trim() : domainTokens.map((token) => token.text).join('');
  const localTokens: Token[] = [];
  for (let index = at - 1; index >= 0 && tokens[index]!.kind !== 'special'; index--) {
    localTokens.unshift(tokens[index]!);
    // Words and quoted strings touching each other ("john"."doe") are one local part.
    if (index > 0 && tokens[index - 1]!.end !== tokens[index]!.start && !tokens[index]!.text.startsWith('.')) break;
  }
  return { local: localTokens.map((token) => token.text).join(''), domain, literal };
}
