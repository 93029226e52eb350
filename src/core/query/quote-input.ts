/**
 * How error messages show what the user typed: quoted, on one line, invisible characters made
 * visible, and never more than MAX_ECHO_LENGTH characters (a pasted page must not become a
 * page-long error).
 */
import { MAX_ECHO_LENGTH } from './query-limits';

/** `"exa mple.com"`; long text is cut with an ellipsis. */
export function quoteInput(text: string): string {
  // Cut first (cheap on huge input), then clean: control and format characters (zero-width
  // spaces, bidi overrides) become U+FFFD so the person can see where they are.
  const long = text.length > MAX_ECHO_LENGTH * 2;
  let cut = (long ? text.slice(0, MAX_ECHO_LENGTH * 2) : text).replace(/\s+/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
  if (long || cut.length > MAX_ECHO_LENGTH) {
    let end = Math.min(cut.length, MAX_ECHO_LENGTH - 1);
    if (/[\uD800-\uDBFF]/.test(cut.charAt(end - 1))) end--; // do not split a surrogate pair
    cut = `${cut.slice(0, end)}…`;
  }
  return `"${cut}"`;
}

const NAMED: Record<string, string> = {
  ' ': 'a space',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a line break',
  ',': 'a comma',
  ';': 'a semicolon',
  ':': 'a colon',
  '/': 'a slash',
  '\\': 'a backslash',
  '"': 'a double quote',
  "'": 'an apostrophe',
  '@': 'an @',
  '%': 'a percent sign',
};

/** A character named for a person: `a space`, `a comma`, `"!"`, `an invisible character (U+200B)`. */
export function describeCharacter(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (/\s/u.test(char)) return `a space character (${code})`;
  if (/[\p{Cc}\p{Cf}]/u.test(char)) return `an invisible character (${code})`;
  return `"${char}"`;
}
