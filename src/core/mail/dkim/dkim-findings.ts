/**
 * What the DKIM keys found mean. Per-key findings appear as each answer lands (a later answer for
 * another selector cannot change them); "none found" (in its four forms, absence-findings.ts)
 * and the summary wait for all answers.
 */
import type { Finding } from '../../vocabulary';
import { countOf, listOf } from '../../wording';
import { absenceFindings, brokenNxdomainFinding, wildcardFinding } from './absence-findings';
import { dkimSearchOutcome, hasDkimWildcard, selectorsWithKeys } from './domainkey';
import type { DkimKey, DkimSection, DkimSelectorResult } from './types';

const FAILED = new Set(['servfail', 'refused', 'error']);

/**
 * `sendsNoMail`: a null MX, `v=spf1 -all` and DMARC p=reject (RFC 7505, RFC 7208, RFC 7489): there
 * is no mail to sign, so there is nothing to say about DKIM at all (as internet.nl does).
 */
export function dkimFindings(section: DkimSection, domainDisplay: string, sendsNoMail = false): Finding[] {
  if (sendsNoMail) return [];
  const findings: Finding[] = [];
  const found = selectorsWithKeys(section);
  for (const result of found) for (const key of result.keys) findings.push(...keyFindings(result, key));

  if (section.status !== 'done') return findings;
  const failed = section.selectors.filter((result) => FAILED.has(result.status));
  if (failed.length > 0) {
    findings.push({
      code: 'dkim-lookup-failed',
      severity: 'info',
      message:
        `${countOf(failed.length, 'DKIM selector')} of ${domainDisplay} could not be looked up (${listOf(failed.slice(0, 5).map((r) => r.selector))}` +
        `${failed.length > 5 ? ', …' : ''}): the resolver gave no usable answer, so keys there may be missing from this list.`,
    });
  }
  const outcome = dkimSearchOutcome(section);
  if (outcome !== 'found') return [...findings, ...absenceFindings(section, outcome, domainDisplay)];
  if (hasDkimWildcard(section)) findings.push(wildcardFinding(section, domainDisplay, true));
  findings.push(...brokenNxdomainFinding(section, domainDisplay));
  const good = found.filter((result) => result.keys.some(isGoodKey));
  if (good.length > 0) {
    findings.push({
      code: 'dkim-key-ok',
      severity: 'ok',
      message: `${domainDisplay} publishes ${good.length === 1 ? 'a DKIM key' : 'DKIM keys'} that verifiers accept: ${listOf(good.map(describe))}.`,
      rfc: 'RFC 8301 §3.2',
    });
  }
  return findings;
}

function isGoodKey(key: DkimKey): boolean {
  return key.errors.length === 0 && !key.revoked && !key.testing && (key.keyType === 'ed25519' || (key.bits ?? 0) >= 2048);
}

function describe(result: DkimSelectorResult): string {
  const key = result.keys.find(isGoodKey)!;
  return `${result.selector} (${key.keyType === 'ed25519' ? 'Ed25519' : `${key.bits}-bit RSA`})`;
}

function keyFindings(result: DkimSelectorResult, key: DkimKey): Finding[] {
  const where = `The DKIM key under selector ${result.selector} (${result.name})`;
  const subject = result.name;
  if (key.errors.length > 0) {
    return [
      {
        code: 'dkim-key-invalid',
        severity: 'error',
        message: `${where} cannot be used: ${key.errors.join(' ')} Mail signed with this selector fails DKIM. Publish the record your mail service gives you, unchanged.`,
        rfc: 'RFC 6376 §3.6.1',
        subject,
      },
    ];
  }
  if (key.revoked) {
    return [
      {
        code: 'dkim-key-revoked',
        severity: 'info',
        message: `${where} is revoked (empty p=): mail signed with it fails DKIM. That is right for a retired selector; if mail is still signed with it, publish the new key.`,
        rfc: 'RFC 6376 §3.6.1',
        subject,
      },
    ];
  }
  const findings: Finding[] = [];
  const bits = key.bits ?? 0;
  if (key.keyType === 'rsa' && bits < 1024) {
    findings.push({
      code: 'dkim-key-too-short',
      severity: 'error',
      message: `${where} is a ${bits}-bit RSA key. Verifiers must not accept signatures from keys under 1024 bits, so mail signed with it fails DKIM. Generate a 2048-bit key and publish it under a new selector.`,
      rfc: 'RFC 8301 §3.2',
      subject,
    });
  } else if (key.keyType === 'rsa' && bits < 2048) {
    findings.push({
      code: 'dkim-key-short',
      severity: 'warn',
      message: `${where} is a ${bits}-bit RSA key. Verifiers still accept it, but 1024-bit RSA is considered weak today and signers should use 2048 bits. Rotate to a 2048-bit key under a new selector.`,
      rfc: 'RFC 8301 §3.2',
      subject,
    });
  }
  if (key.testing) {
    findings.push({
      code: 'dkim-testing',
      severity: 'warn',
      message: `${where} is in testing mode (t=y): verifiers treat mail signed with it as unsigned, so it does not count for DMARC. Remove t=y once signing works.`,
      rfc: 'RFC 6376 §3.6.1',
      subject,
    });
  }
  return findings;
}
