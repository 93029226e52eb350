/**
 * DNS data is untrusted text. In a terminal, control characters in a TXT record or a PTR label
 * could move the cursor, recolour, or rewrite earlier lines (ANSI escape injection), bidi
 * overrides could make text read differently than it is, and invisible characters could make
 * two names look the same. Shown as visible escapes by the one shared rule (src/core/text).
 */
import { escapeUnsafe } from '../core/text/unsafe-chars';

export function terminalSafe(text: string): string {
  return escapeUnsafe(text);
}
