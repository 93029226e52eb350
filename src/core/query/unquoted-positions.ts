/**
 * Searching text that may contain RFC 5322 quoted strings (§3.2.4): `"a@b, c"@example.com` has
 * one real "@" and no real comma. Quoted text, with its backslash escapes (quoted-pair, §3.2.1),
 * is skipped. One linear pass, no regular expressions.
 */

/** Every position of `char` outside double quotes, in order. */
export function unquotedIndexes(text: string, char: string): number[] {
  const found: number[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === char) found.push(i);
  }
  return found;
}

/** `text` cut at every unquoted `char`. */
export function splitUnquoted(text: string, char: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const i of unquotedIndexes(text, char)) {
    parts.push(text.slice(start, i));
    start = i + 1;
  }
  parts.push(text.slice(start));
  return parts;
}
