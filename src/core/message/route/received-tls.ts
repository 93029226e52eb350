/**
 * Was a hop encrypted? Read from the `with` protocol (RFC 3848 adds "S" for TLS and "A" for an
 * authenticated client: ESMTPS, ESMTPSA, LMTPS, UTF8SMTPS (RFC 6531)...) and from the comments
 * servers add with the TLS version and cipher, whatever the protocol word says.
 */

/** RFC 3848 and RFC 6531 protocol words that mean TLS; SMTPS is Gmail's word for it, HTTPS a web client. */
const TLS_PROTOCOLS = new Set(['esmtps', 'esmtpsa', 'utf8smtps', 'utf8smtpsa', 'lmtps', 'lmtpsa', 'smtps', 'https']);
/** Plain SMTP between servers: no TLS unless a comment says otherwise. */
const PLAIN_PROTOCOLS = new Set(['smtp', 'esmtp', 'esmtpa', 'utf8smtp', 'utf8smtpa']);

/**
 * The comments servers write for TLS: Postfix "(using TLSv1.3 with cipher ...)", Sendmail and
 * Microsoft "(version=TLS1_2, cipher=...)", Exim "(TLS1.3)" or "X=TLS1.3:...", Gmail
 * "(Google Transport Security)". Each alternative is a fixed word or a bounded class, so the
 * scan is linear.
 */
const TLS_COMMENT = /\bversion=(?:TLS|SSL)|\busing TLS|\bTLS ?v?1(?:[._]\d)?\b|\bX=TLS|\bGoogle Transport Security\b|\bcipher=/i;

/**
 * true: TLS; false: plain SMTP/ESMTP with no TLS comment; null: cannot tell. LMTP is local
 * delivery (RFC 2033 §1 keeps it off wide-area networks), and HTTP, MAPI, "local" and
 * "Microsoft SMTP Server" without a TLS comment (Exchange's hops inside one server) say nothing
 * about a hop between servers, so they are null rather than a "no TLS" alarm.
 */
export function receivedTls(protocol: string | null, comments: readonly string[]): boolean | null {
  if (comments.some((comment) => TLS_COMMENT.test(comment))) return true;
  const word = protocol?.split(' ')[0]?.toLowerCase();
  if (word === undefined) return null;
  if (TLS_PROTOCOLS.has(word)) return true;
  if (PLAIN_PROTOCOLS.has(word)) return false;
  return null;
}
