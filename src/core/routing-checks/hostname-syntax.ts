/**
 * MX targets must be host names: letters, digits and hyphens, labels of 1 to 63 characters, not
 * starting or ending with a hyphen (RFC 1123 §2.1, RFC 5321 §2.3.5). Many senders refuse an MX
 * target outside that syntax (an underscore, a space), so it is as good as missing for them.
 * Punycode labels (`xn--...`) are valid host name labels.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { codePoint } from '../dns/idna-label';
import { hasUnsafeChars } from '../text/unsafe-chars';
import { brokenHostConsequence, brokenHostSeverity, mailHosts } from './usability';
import { hostDisplay, mailTo } from '../wording';

const LDH_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i;

/** Why `host` is not a valid host name, or `undefined` when it is. */
export function hostNameProblem(host: string): string | undefined {
  if (host.length > 253) return 'it is longer than 253 characters';
  const labels = host.split('.');
  for (const label of labels) {
    if (label === '') return 'it has an empty label (two dots in a row)';
    if (label.length > 63) return `the label "${label.slice(0, 20)}…" is longer than 63 characters`;
    if (LDH_LABEL.test(label)) continue;
    const bad = [...label].find((char) => !/[a-z0-9-]/i.test(char));
    if (bad !== undefined) return `the label "${label}" contains ${describeChar(bad)}`;
    return `the label "${label}" starts or ends with a hyphen`;
  }
  // RFC 3696 §2: a top-level domain is never all digits.
  if (labels.length > 1 && /^[0-9]+$/.test(labels.at(-1)!)) return 'its last label is all digits';
  return undefined;
}

function describeChar(char: string): string {
  if (char === '_') return 'an underscore';
  if (char === '\\') return 'an escaped "." or "\\" byte inside the label';
  if (hasUnsafeChars(char)) return `the control, bidirectional or invisible character ${codePoint(char)}`;
  if (char === ' ') return 'a space';
  if (/\s/.test(char) || char.charCodeAt(0) < 0x20) return 'a control character';
  return `"${char}"`;
}

export function checkHostnameSyntax(report: ReportFacts): Finding[] {
  return mailHosts(report).flatMap((exchange): Finding[] => {
    if (exchange.implicit || exchange.state === 'ip-literal' || !exchange.host) return [];
    const problem = hostNameProblem(exchange.host);
    if (!problem) return [];
    // A label holding a "." byte cannot be asked as the same name (label-text.ts): nobody can deliver to it.
    const unaskable = exchange.errors.some((error) => error.code === 'unaskable-name');
    return [
      {
        code: 'mx-invalid-hostname',
        severity: unaskable ? brokenHostSeverity(report, exchange) : 'warn',
        message:
          `The MX host ${hostDisplay(exchange)} is not a valid host name: ${problem}. Host names may only use letters, ` +
          `digits and hyphens (RFC 5321 §2.3.5), and many senders refuse to deliver to an MX host that breaks this. ` +
          (unaskable
            ? `MXray did not look up its address: written out, it would be asked as another name. ${brokenHostConsequence(report, exchange, mailTo(report.query))} `
            : '') +
          `Point the MX record at a name that follows it.`,
        rfc: 'RFC 5321 §2.3.5',
        subject: exchange.host,
      },
    ];
  });
}
