/**
 * A report that passes every line of the scorecard, for tests to break one fact at a time:
 * two MX hosts on two networks, each with IPv4 and IPv6, signed; SPF `-all`, DMARC p=reject, a
 * 2048-bit DKIM key, MTA-STS enforce naming both hosts, TLS-RPT, and valid DANE with rollover.
 * Its findings come from the real pipeline (`withFindings`), so the scorecard reads what a lookup gives.
 *
 * A test helper in src/core/testing, a folder only tests import: from inside src/core/mail it
 * made mail import routing-checks (their report factory), a folder cycle.
 */
import { parseDmarc } from '../mail/dmarc/parse-dmarc';
import { newMailDiagnostics } from '../mail/mail-diagnostics';
import type { MailDiagnostics } from '../mail/mail-types';
import { parseSpf } from '../mail/spf/parse-spf';
import { testAddress, testExchange, testReport } from '../routing-checks/test-report';
import type { Address, Report } from '../report';
import { withFindings } from '../report-findings';

const DOMAIN = 'example.com';

function address(ip: string, host: string, as: number, country: string): Address {
  return testAddress(ip, {
    ptr: [{ name: host, forward: [ip], forwardStatus: 'ok' }],
    asn: { status: 'ok', number: as, name: `AS${as}-NET`, prefix: ip.includes(':') ? '2001:db8::/32' : `${ip.split('.').slice(0, 3).join('.')}.0/24`, country },
  });
}

export function passingMail(): MailDiagnostics {
  const mail = newMailDiagnostics({});
  const spf = 'v=spf1 mx -all';
  const dmarc = 'v=DMARC1; p=reject; rua=mailto:d@example.com';
  mail.spf = {
    status: 'done',
    root: {
      domain: DOMAIN,
      via: 'root',
      status: 'ok',
      txtStatus: 'ok',
      records: [spf],
      terms: parseSpf(spf).terms,
      errors: [],
      lookups: 1,
      checks: [],
      children: [],
    },
    lookups: 1,
    voidLookups: 0,
  };
  mail.dmarc = {
    status: 'done',
    domain: DOMAIN,
    lookups: [{ domain: DOMAIN, status: 'ok', records: [dmarc], discarded: [] }],
    resolved: true,
    policy: { source: 'domain', domain: DOMAIN, record: dmarc, parsed: parseDmarc(dmarc), effective: 'reject', tag: 'p' },
    reportAuthorizations: [],
  };
  mail.dkim = {
    status: 'done',
    domain: DOMAIN,
    selectors: [
      {
        selector: 'google',
        name: `google._domainkey.${DOMAIN}`,
        status: 'ok',
        added: false,
        keys: [{ record: 'v=DKIM1; p=…', keyType: 'rsa', bits: 2048, revoked: false, testing: false, strict: false, errors: [] }],
      },
    ],
    ignoredSelectors: [],
  };
  const hosts = ['mx1.example.com', 'mx2.example.com'];
  mail.mtaSts = {
    status: 'done',
    domain: DOMAIN,
    txtStatus: 'ok',
    records: ['v=STSv1; id=20260101;'],
    record: { id: '20260101', errors: [], unknownTags: [] },
    policy: {
      state: 'ok',
      url: `https://mta-sts.${DOMAIN}/.well-known/mta-sts.txt`,
      body: '',
      policy: { version: 'STSv1', mode: 'enforce', maxAge: 604800, mx: hosts, errors: [], unknownKeys: [] },
    },
  };
  mail.tlsRpt = {
    status: 'done',
    domain: DOMAIN,
    txtStatus: 'ok',
    records: ['v=TLSRPTv1; rua=mailto:t@example.com'],
    parsed: { rua: ['mailto:t@example.com'], errors: [], unknownTags: [] },
  };
  mail.bimi = { ...mail.bimi, status: 'done' };
  mail.dnssec = {
    status: 'done',
    mx: { question: `${DOMAIN} MX`, status: 'ok', authenticated: true },
    hosts: hosts.flatMap((host) => (['A', 'AAAA'] as const).map((type) => ({ host, question: `${host} ${type}`, status: 'ok' as const, authenticated: true }))),
  };
  (mail as { dane?: unknown }).dane = {
    status: 'done',
    hosts: hosts.map((host) => ({ host, status: 'valid', records: [], rollover: true })),
    lookups: [],
  };
  mail.status = 'done';
  return mail;
}

/** The passing report with `change` applied to it, then its findings and scorecard computed afresh. */
export function scoredReport(change: (report: Report, mail: MailDiagnostics) => void = () => undefined): Report {
  const report: Report = {
    ...testReport({
      exchanges: [
        testExchange('mx1.example.com', {
          preference: 10,
          addressStatus: { A: 'ok', AAAA: 'ok' },
          addresses: [address('192.0.2.10', 'mx1.example.com', 64500, 'DE'), address('2001:db8::10', 'mx1.example.com', 64500, 'DE')],
        }),
        testExchange('mx2.example.com', {
          preference: 20,
          addressStatus: { A: 'ok', AAAA: 'ok' },
          addresses: [address('198.51.100.10', 'mx2.example.com', 64501, 'NL'), address('2001:db8:1::10', 'mx2.example.com', 64500, 'DE')],
        }),
      ],
    }),
    findings: [],
    mail: passingMail(),
  };
  change(report, report.mail!);
  return withFindings(report);
}
