/**
 * What the BIMI record means. BIMI only shows a logo for mail that passes DMARC under an
 * enforcing policy (draft §1: p=quarantine at 100% or p=reject, sp= not none); the messages say
 * so rather than reading the DMARC section, which has its own findings.
 */
import type { Finding } from '../../vocabulary';
import type { BimiSection } from './types';

const FAILED = new Set(['servfail', 'refused', 'error']);
const RFC = 'draft-brand-indicators-for-message-identification §4.3';
const NEEDS_DMARC = 'Logos are shown only for mail that passes DMARC with p=quarantine (at 100%) or p=reject.';

export function bimiFindings(section: BimiSection, domainDisplay: string): Finding[] {
  if (section.txtStatus === 'pending' || section.txtStatus === 'skipped') return [];
  if (FAILED.has(section.txtStatus)) {
    return [
      {
        code: 'bimi-lookup-failed',
        severity: 'warn',
        message: `The BIMI record of ${domainDisplay} (${section.name}) could not be looked up (${section.txtStatus.toUpperCase()}).`,
        rfc: RFC,
      },
    ];
  }
  if (section.records.length === 0) {
    return [
      {
        code: 'bimi-missing',
        severity: 'info',
        message: `${domainDisplay} publishes no BIMI record (${section.name}), so mailboxes show no brand logo next to its mail. That is optional. ${NEEDS_DMARC}`,
        rfc: RFC,
      },
    ];
  }
  if (section.records.length > 1) {
    return [
      {
        code: 'bimi-multiple-records',
        severity: 'warn',
        message: `${section.name} has ${section.records.length} BIMI records; receivers cannot pick one and show no logo. Keep exactly one.`,
        rfc: RFC,
      },
    ];
  }
  const parsed = section.parsed;
  if (!parsed) return [];
  if (parsed.declined && parsed.errors.length === 0) {
    return [
      {
        code: 'bimi-declined',
        severity: 'info',
        message: `${domainDisplay} explicitly declines BIMI (empty l= and a=): no logo is shown, even if a parent domain publishes one.`,
        rfc: `${RFC}.1`,
      },
    ];
  }
  const findings: Finding[] = [];
  if (parsed.errors.length > 0) {
    findings.push({
      code: 'bimi-invalid',
      severity: 'warn',
      message: `The BIMI record of ${domainDisplay} has errors: ${parsed.errors.join(' ')} Receivers must not fix a broken record, so they show no logo.`,
      rfc: RFC,
    });
  }
  if (parsed.locationNotHttps) {
    findings.push({
      code: 'bimi-location-not-https',
      severity: 'warn',
      message: `The logo location l=${parsed.location} is not an https: URL. BIMI fetches logos over HTTPS only, so no logo is shown. Serve the SVG over HTTPS.`,
      rfc: RFC,
    });
  }
  if (parsed.errors.length > 0 || parsed.locationNotHttps || !parsed.location) return findings;
  if (!parsed.authority) {
    findings.push({
      code: 'bimi-no-evidence',
      severity: 'info',
      message:
        `The BIMI record of ${domainDisplay} has no a= (no mark certificate). Most mailbox providers, Gmail and Apple Mail among them, show the logo only ` +
        `with a Verified Mark Certificate (VMC) or Common Mark Certificate (CMC). ${NEEDS_DMARC}`,
      rfc: RFC,
    });
  } else {
    findings.push({
      code: 'bimi-published',
      severity: 'ok',
      message: `${domainDisplay} publishes a BIMI logo with a mark certificate. ${NEEDS_DMARC}`,
      rfc: RFC,
    });
  }
  return findings;
}
