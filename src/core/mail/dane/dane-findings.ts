/**
 * What the TLSA records of the MX hosts mean to a sender that does DANE (RFC 7672). One finding per
 * host that needs one, then what MXray could not check (port 25). Nothing is said for a host
 * whose answer is not in, nor about several hosts at once until every answer is.
 */
import type { Finding } from '../../vocabulary';
import { listOf } from '../../wording';
import { PORT_25_TEXT, problemText, recordMeaning } from './dane-wording';
import { distinctRecords, tlsaProblems, tlsaText } from './tlsa-checks';
import type { DaneHost, DaneLookup, DaneSection } from './types';

export function daneFindings(section: DaneSection, domainDisplay: string): Finding[] {
  const findings: Finding[] = [];
  const valid: DaneHost[] = [];
  const none: [DaneHost, DaneLookup][] = [];
  for (const host of section.hosts) {
    const lookup = section.lookups.find((l) => l.host === host.host);
    if (!lookup) continue;
    if (host.status === 'valid') valid.push(host);
    if (host.status === 'none') none.push([host, lookup]);
    else findings.push(...hostFindings(host, lookup, domainDisplay));
  }
  // Findings that name several hosts wait for every host's answer: said earlier, their text would
  // change as answers land, and a report never takes back what it said (report-findings tests).
  const allIn = section.lookups.every((lookup) => lookup.tlsaStatus !== 'pending');
  if (!allIn) return findings;
  findings.push(...noneFindings(none, domainDisplay));
  if (valid.length > 0) {
    findings.push({
      code: 'dane-valid',
      severity: 'ok',
      message: `${listOf(valid.map((h) => h.host))} ${valid.length === 1 ? 'has' : 'have'} DNSSEC-validated TLSA records that DANE senders can use: they insist on TLS and authenticate the server with them, so the mail cannot be read or redirected in transit.`,
      rfc: 'RFC 7672 §2.2',
    });
  }
  const withRecords = section.hosts.filter((h) => h.records.length > 0);
  if (withRecords.length > 0) {
    findings.push({
      code: 'dane-not-matched',
      severity: 'info',
      message: PORT_25_TEXT,
      rfc: 'RFC 7672 §3',
    });
  }
  return findings;
}

function hostFindings(host: DaneHost, lookup: DaneLookup, domainDisplay: string): Finding[] {
  const name = `_25._tcp.${lookup.base}`;
  const subject = host.host;
  switch (host.status) {
    case 'failed':
      return [
        {
          code: 'dane-lookup-failed',
          severity: 'error',
          message:
            `The TLSA lookup for ${host.host} (${name}) failed (${lookup.tlsaStatus.toUpperCase()}). Its zone is signed, so DANE senders defer the mail: ` +
            `they cannot tell whether the host has TLSA records, and will not deliver without knowing. Mail waits in their queues until the name servers answer ${name} TLSA again.`,
          rfc: 'RFC 7672 §2.2',
          subject,
        },
      ];
    case 'insecure':
      return [
        {
          code: 'dane-tlsa-insecure',
          severity: 'warn',
          message: `${host.host} publishes TLSA records at ${name}, but ${unvalidatedPart(lookup, domainDisplay)} (no AD bit), so senders ignore them. ${unsignedSentence(unsignedZones(lookup, domainDisplay))}`,
          rfc: 'RFC 7672 §2.2',
          subject,
        },
      ];
    case 'unusable':
      return [
        {
          code: 'dane-tlsa-unusable',
          severity: 'warn',
          message:
            `${host.host}'s TLSA records at ${name} are DNSSEC-validated, but none is usable: ${recordProblems(host)} ` +
            `DANE senders still insist on TLS, but cannot authenticate the server.`,
          rfc: 'RFC 7672 §3.1.3',
          subject,
        },
      ];
    case 'valid':
      return validFindings(host, name);
    case 'none':
      return [];
  }
}

function validFindings(host: DaneHost, name: string): Finding[] {
  const findings: Finding[] = [];
  const problems = recordProblems(host);
  if (problems !== '') {
    findings.push({
      code: 'dane-tlsa-ignored-records',
      severity: 'info',
      message: `Some of ${host.host}'s TLSA records are ignored by senders: ${problems}`,
      rfc: 'RFC 7672 §3.1.3',
      subject: host.host,
    });
  }
  if (!host.rollover) {
    findings.push({
      code: 'dane-no-rollover',
      severity: 'info',
      message:
        `${host.host} has one usable TLSA record at ${name}: when its key or certificate changes, DANE senders refuse the new one until the record is updated. ` +
        `Publish the next key's "3 1 1" beside it before the change, or a "2 1 1" of the issuing CA.`,
      rfc: 'RFC 7671 §8.1',
      subject: host.host,
    });
  }
  return findings;
}

/**
 * Hosts without TLSA, in one finding per kind: signed zones that could publish TLSA today, and
 * the zones that must be signed first (RFC 7672 §2.2: senders only look for TLSA records of a
 * host whose MX and address answers are validated).
 */
function noneFindings(none: readonly [DaneHost, DaneLookup][], domainDisplay: string): Finding[] {
  const findings: Finding[] = [];
  const signed = none.filter(([, lookup]) => lookup.mxAuthenticated && lookup.hostSigned).map(([host]) => host.host);
  if (signed.length > 0) {
    findings.push({
      code: 'dane-none',
      severity: 'info',
      message:
        `${listOf(signed)} ${signed.length === 1 ? 'publishes' : 'publish'} no TLSA records at _25._tcp, though the zone is signed: senders use TLS when it is offered ` +
        `but authenticate nothing, so an attacker on the path can strip or intercept it. Publish a "3 1 1" record of the server's key to turn DANE on.`,
      rfc: 'RFC 7672 §2.2',
    });
  }
  const unsigned = none.filter(([, lookup]) => !(lookup.mxAuthenticated && lookup.hostSigned));
  if (unsigned.length > 0) {
    const zones = [...new Set(unsigned.flatMap(([, lookup]) => unsignedZones(lookup, domainDisplay)))];
    const failed = unsigned.filter(([, lookup]) => !['nodata', 'nxdomain'].includes(lookup.tlsaStatus)).map(([host]) => host.host);
    findings.push({
      code: 'dane-unsigned',
      severity: 'info',
      message:
        `No DANE for ${listOf(unsigned.map(([host]) => host.host))}. ${unsignedSentence(zones)}` +
        (failed.length > 0 ? ` (The TLSA lookup for ${listOf(failed)} failed, but senders do not ask it of an unsigned host.)` : ''),
      rfc: 'RFC 7672 §2.2',
    });
  }
  return findings;
}

/** Which answer a sender could not trust. */
function unvalidatedPart(lookup: DaneLookup, domainDisplay: string): string {
  if (!lookup.mxAuthenticated && !lookup.tlsaAuthenticated) return `neither ${domainDisplay}'s MX answer nor the TLSA answer is DNSSEC-validated`;
  return `${lookup.mxAuthenticated ? 'the TLSA answer' : `${domainDisplay}'s MX answer`} is not DNSSEC-validated`;
}

/**
 * The zones a host's DANE waits for: the host's when its answers are not validated, the domain's
 * when its MX answer is not. A host at or below the domain is named alone: signing its zone signs
 * the domain's too when they are one zone, and names the zone people think of when they are not.
 */
function unsignedZones(lookup: DaneLookup, domain: string): string[] {
  const zones: string[] = [];
  const hostUnsigned = !lookup.hostSigned && !lookup.tlsaAuthenticated;
  if (hostUnsigned) zones.push(lookup.host);
  const underDomain = lookup.host === domain || lookup.host.endsWith(`.${domain}`);
  if (!lookup.mxAuthenticated && !(hostUnsigned && underDomain)) zones.unshift(domain);
  if (zones.length === 0) zones.push(lookup.base);
  return zones;
}

/** "DANE cannot be used until the zone of mx.example.com is signed." */
function unsignedSentence(zones: readonly string[]): string {
  return `DANE cannot be used until the ${zones.length === 1 ? 'zone' : 'zones'} of ${listOf(zones)} ${zones.length === 1 ? 'is' : 'are'} signed.`;
}

/** Each record's problems, once per distinct record. */
function recordProblems(host: DaneHost): string {
  return distinctRecords(host.records)
    .flatMap((record) => {
      const problems = tlsaProblems(record);
      if (problems.length === 0) return [];
      return [`"${tlsaText(record)}" (${recordMeaning(record)}): ${problems.map((p) => problemText(record, p)).join(' ')}`];
    })
    .join(' ');
}
