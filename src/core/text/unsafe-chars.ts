/**
 * The one rule for showing untrusted text (DNS names and records, policy files, what a user
 * typed and we echo back): characters that change what a reader sees are shown as visible
 * escapes (`\u200b`), in every text form (popup, result page, panel, plain-text copies, CLI).
 * JSON keeps the exact data.
 *
 * Three sets:
 * - control characters, C0 and C1 (and DEL): they move a terminal's cursor, recolour, or hide text;
 * - bidirectional overrides, embeddings, isolates and marks (U+202A–U+202E, U+2066–U+2069,
 *   U+200E, U+200F, U+061C): `mail.moc\u202elapyap.example` would read as another name;
 * - invisible characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD, U+2028, U+2029): a zero-width
 *   space makes `tri\u200bck` look like `trick`.
 * A backslash is not escaped: the escapes are for reading, not for parsing back.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Does the text hold any character of the three sets? */
export function hasUnsafeChars(text: string): boolean {
  UNSAFE_CHARS.lastIndex = 0;
  const found = UNSAFE_CHARS.test(text);
  UNSAFE_CHARS.lastIndex = 0;
  return found;
}

/** `a\u200bb` for `a<ZWSP>b`: each unsafe character as `\u` and four hex digits. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
