/**
 * Who sent a hop, as the receiving server recorded it in the `from` clause (RFC 5321 §4.4
 * "From-domain" and "TCP-info"): the address it saw, and the HELO name the client gave. Every
 * MTA writes these in its own shape:
 *   Postfix, Sendmail  from HELO (rdns [192.0.2.1])         from HELO (unknown [IPv6:2001:db8::1])
 *   Exim               from rdns ([192.0.2.1]:port helo=HELO) from [192.0.2.1] (helo=HELO)
 *   Gmail              from HELO (rdns. [192.0.2.1])
 *   Microsoft 365      from HELO (2603:10b6:...)
 *   qmail              from rdns (HELO name) (192.0.2.1)
 */
import { parseIp } from '../../ip/parse-ip';
import { commentWords, type Token } from '../parse/header-tokens';

export interface ReceivedSender {
  /** The address the receiver recorded, canonical, or null. */
  ip: string | null;
  /** The HELO/EHLO name, or null. */
  helo: string | null;
}

/** `name`: the first token after "from"; `comments`: the comments of the from clause. */
export function receivedSender(name: Token | undefined, comments: readonly string[]): ReceivedSender {
  const words = comments.flatMap((comment) => commentWords(comment));
  const fromName = name === undefined ? null : name.kind === 'literal' ? `[${name.text}]` : name.text;
  return { ip: senderIp(name, words), helo: heloName(words) ?? fromName };
}

/**
 * The recorded address: a bracketed literal in the comments first (the TCP-info of RFC 5321),
 * then a bare address there (Microsoft, qmail), then the from name itself when it is an
 * address (Exim writes `from [192.0.2.1]` when the address has no name).
 */
function senderIp(name: Token | undefined, words: readonly Token[]): string | null {
  for (const word of words) if (word.kind === 'literal' && literalIp(word.text)) return literalIp(word.text);
  for (const word of words) {
    if (word.kind !== 'word') continue;
    // "user@192.0.2.1" (qmail's authenticated form), "ip=192.0.2.1"
    const bare = word.text.slice(Math.max(word.text.lastIndexOf('@'), word.text.lastIndexOf('=')) + 1);
    const ip = parseIp(bare);
    if (ip) return ip.ip;
  }
  if (name?.kind === 'literal') return literalIp(name.text);
  if (name?.kind === 'word') return parseIp(name.text)?.ip ?? null;
  return null;
}

/** RFC 5321 §4.1.3 address literal content: `192.0.2.1` or `IPv6:2001:db8::1`. */
function literalIp(text: string): string | null {
  const bare = text.trim().replace(/^ipv6:/i, '');
  return parseIp(bare)?.ip ?? null;
}

/** Exim's `helo=NAME`, qmail's `(HELO NAME)`; null when the comments name none. */
function heloName(words: readonly Token[]): string | null {
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (word.kind !== 'word') continue;
    const match = /^helo=(.*)$/i.exec(word.text);
    if (match?.[1]) return match[1];
    // "helo=[192.0.2.1]": the literal is a token of its own
    if (match && words[index + 1]?.kind === 'literal' && words[index + 1]!.start === word.end) return `[${words[index + 1]!.text}]`;
    if (/^helo$/i.test(word.text) && words[index + 1]?.kind === 'word') return words[index + 1]!.text;
  }
  return null;
}
