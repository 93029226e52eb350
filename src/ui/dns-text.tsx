/**
 * DNS data (names, TXT records, policy text) and echoed input, as the page shows it: a text
 * node (never markup), with control, bidi and invisible characters shown as `\u200b` escapes
 * (src/core/text/unsafe-chars.ts), inside a `<bdi>` so that right-to-left text in it cannot
 * reorder what is around it (`unicode-bidi: isolate`, also set in styles.css).
 */
import { escapeUnsafe } from '../core/text/unsafe-chars';

export function DnsText({ text, class: className, multiline = false }: { text: string; class?: string; multiline?: boolean }) {
  return <bdi class={className ? `dns-text ${className}` : 'dns-text'}>{multiline ? escapeLines(text) : escapeUnsafe(text)}</bdi>;
}

/** A file shown as lines (an MTA-STS policy in a <pre>): its line ends and tabs stay, the rest is escaped. */
function escapeLines(text: string): string {
  return text
    .split(/(\r?\n|\t)/)
    .map((part, index) => (index % 2 === 1 ? part : escapeUnsafe(part)))
    .join('');
}

/** For attributes and labels that must be strings (aria-label, button text). */
export function dnsString(text: string): string {
  return escapeUnsafe(text);
}
