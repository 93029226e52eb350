/**
 * DNS data is untrusted text. In a terminal, control characters in a TXT record or a PTR label
 * could move the cursor, recolour, or rewrite earlier lines (ANSI escape injection), and bidi
 * overrides could make text read differently than it is. Show them as visible escapes.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}
