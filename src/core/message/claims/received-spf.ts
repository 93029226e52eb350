/**
 * Received-SPF (RFC 7208 §9.1): the SPF result a receiver recorded, with the inputs it used.
 *   Received-SPF: pass (mx.example.net: domain of a@example.com designates 192.0.2.1 as
 *     permitted sender) client-ip=192.0.2.1; envelope-from="a@example.com"; helo=mail.example.com;
 * The result word, an optional comment, then key=value pairs separated by ";".
 */
import { tokenize, type Token } from '../parse/header-tokens';
import type { ByteString } from '../types';

export interface ReceivedSpf {
  /** The result word, lower case (`pass`, `fail`, `softfail`, `neutral`, `none`, `temperror`, `permerror`), or null. */
  result: string | null;
  /** The comment after the result, or null. */
  comment: string | null;
  /**
   * The key-value pairs, keys lower case (RFC 7208 §9.1 names `client-ip`, `envelope-from`,
   * `helo`, `receiver`, `identity`, `problem`, `mechanism`); the first of each kept.
   */
  pairs: Record<string, string>;
}

const MAX_LENGTH = 4 * 1024;
/** Key names as RFC 7208 §9.1 writes them (and extensions, `x-...`): no odd object keys. */
const KEY = /^[a-z][a-z0-9._-]*$/;

export function parseReceivedSpf(value: ByteString): ReceivedSpf {
  const tokens = tokenize(value.slice(0, MAX_LENGTH), ';=');
  const first = tokens[0];
  const result = first?.kind === 'word' && !isSpecial(tokens[1], '=') ? first.text.toLowerCase() : null;
  const comment = tokens.find((token) => token.kind === 'comment')?.text ?? null;
  const pairs: Record<string, string> = {};
  for (let index = result === null ? 0 : 1; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind !== 'word' || !isSpecial(tokens[index + 1], '=')) continue;
    // key [CFWS] "=" ( dot-atom / quoted-string )
    let valueAt = index + 2;
    while (tokens[valueAt]?.kind === 'comment') valueAt++;
    const valueToken = tokens[valueAt];
    const key = token.text.toLowerCase();
    if (valueToken?.kind === 'word' || valueToken?.kind === 'quoted') {
      if (KEY.test(key) && !Object.hasOwn(pairs, key)) pairs[key] = valueToken.text;
      index = valueAt;
    }
  }
  return { result, comment, pairs };
}

function isSpecial(token: Token | undefined, char: string): boolean {
  return token?.kind === 'special' && token.text === char;
}
