/**
 * A DNS name from an answer, for people: `xn--` labels shown in Unicode (RFC 5891 §5.2 A-label
 * to U-label) when the decoded label is a valid U-label (idna-label.ts). A label that is not
 * (broken punycode, a zero-width space, a right-to-left override, upper case...) stays as its
 * A-label: DNS data is shown, never "repaired", and never as text that reads as another name.
 * The result is still plain text for a text node, never markup.
 */
import { decodeALabel } from './idna-label';

export function displayName(name: string): string {
  if (!/xn--/i.test(name)) return name;
  return name
    .split('.')
    .map((label) => {
      if (!label.toLowerCase().startsWith('xn--')) return label;
      const decoded = decodeALabel(label);
      return decoded.ok ? decoded.unicode : label;
    })
    .join('.');
}
