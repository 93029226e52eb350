/**
 * A DNS name from an answer, for people: `xn--` labels shown in Unicode (RFC 5891 §5.2 A-label
 * to U-label). A label that is not valid punycode stays as it is: DNS data is shown, never
 * "repaired". The result is still plain text for a text node, never markup.
 */
import { toUnicode } from 'punycode/';

export function displayName(name: string): string {
  if (!name.includes('xn--')) return name;
  return name
    .split('.')
    .map((label) => {
      if (!label.toLowerCase().startsWith('xn--')) return label;
      try {
        return toUnicode(label);
      } catch {
        return label;
      }
    })
    .join('.');
}
