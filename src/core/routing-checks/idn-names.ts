/**
 * Internationalised names that mislead (UTS #46, UTS #39): in the queried name, the MX hosts
 * and the reverse names, an `xn--` label that is not a valid U-label (a zero-width space, a
 * right-to-left override: shown as its A-label), and a name that mixes scripts or is written
 * in look-alike letters, so that it reads as a Latin name it is not (`pаypal.com`, Cyrillic а).
 */
import { spoofingOf } from '../dns/confusables';
import { decodeALabel } from '../dns/idna-label';
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { listOf } from '../wording';

interface NamedName {
  name: string;
  /** "The domain", "The MX host", "The reverse name of 192.0.2.1". */
  role: string;
}

export function checkIdnNames(report: ReportFacts): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { name, role } of namesOf(report)) {
    const key = name.toLowerCase();
    if (seen.has(key) || !/(^|\.)xn--/i.test(name)) continue;
    seen.add(key);
    findings.push(...idnFindings(name, role));
  }
  return findings;
}

function namesOf(report: ReportFacts): NamedName[] {
  const names: NamedName[] = [];
  if (report.query.kind !== 'ip') names.push({ name: report.query.name, role: 'The domain' });
  for (const exchange of report.exchanges) if (exchange.host && !exchange.implicit) names.push({ name: exchange.host, role: 'The MX host' });
  const addresses = [...report.exchanges.flatMap((exchange) => exchange.addresses), ...(report.ptr ? [report.ptr] : [])];
  for (const address of addresses) for (const ptr of address.ptr) names.push({ name: ptr.name, role: `The reverse name of ${address.ip},` });
  return names;
}

function idnFindings(name: string, role: string): Finding[] {
  const labels = name.split('.');
  const invalid: string[] = [];
  const unicode = labels.map((label) => {
    if (!label.toLowerCase().startsWith('xn--')) return label;
    const decoded = decodeALabel(label);
    if (decoded.ok) return decoded.unicode;
    invalid.push(`${label} (${decoded.problem})`);
    return label;
  });
  if (invalid.length > 0) {
    return [
      {
        code: 'idn-invalid-label',
        severity: 'warn',
        message:
          `${role} ${name}${role.endsWith(',') ? ',' : ''} has ${invalid.length === 1 ? 'a label that is not a valid internationalised label' : 'labels that are not valid internationalised labels'}: ` +
          `${listOf(invalid)}. MXray shows ${invalid.length === 1 ? 'it' : 'them'} as written (the A-label), not decoded, because the decoded text would ` +
          `not read as the name it is. Browsers and mail software refuse such names (UTS #46, RFC 5891 §5.4).`,
        rfc: 'RFC 5891 §5.4',
        subject: name,
      },
    ];
  }
  const shown = unicode.join('.');
  const spoofing = spoofingOf(shown);
  if (!spoofing) return [];
  const looks = spoofing.looksLike ? ` It reads as ${spoofing.looksLike}, which is a different name.` : '';
  const mixed = spoofing.mixed ? ` mixes ${listOf(spoofing.mixed)} letters in one label` : ' is written in letters that look Latin but are not';
  return [
    {
      code: spoofing.mixed ? 'idn-mixed-scripts' : 'idn-confusable',
      severity: 'warn',
      message:
        `${role} ${shown} (${name})${role.endsWith(',') ? ',' : ''}${mixed}, a common way to imitate another name (UTS #39).${looks} ` +
        `Check that this is the name you meant before trusting it.`,
      rfc: 'UTS #39 §5',
      subject: name,
    },
  ];
}
