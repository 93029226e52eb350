import { describe, expect, it } from 'vitest';
import { nullExchange, testAddress, testExchange } from '../../routing-checks/test-report';
import type { MailDiagnostics } from '../mail-types';
import type { Report } from '../../report';
import { scorecard } from './scorecard';
import { scoredReport } from '../../testing/scored-report';
import { SCORECARD_IDS, worstStatus, type ScorecardId, type ScorecardStatus } from './types';

type Change = (report: Report, mail: MailDiagnostics) => void;
type Case = [string, Change, ScorecardStatus, RegExp];

const line = (report: Report, id: ScorecardId) => report.mail!.scorecard!.find((entry) => entry.id === id)!;
const dane = (mail: MailDiagnostics) => (mail as unknown as { dane: { status: string; hosts: { host: string; status: string; rollover: boolean }[] } }).dane;
const noMail: Change = (report, mail) => {
  report.nullMx = true;
  report.exchanges = [nullExchange()];
  mail.spf.root.records = ['v=spf1 -all'];
  mail.spf.root.terms = mail.spf.root.terms.filter((term) => term.text === '-all');
};

function table(id: ScorecardId, cases: Case[]): void {
  describe(id, () => {
    it.each(cases)('%s', (_name, change, status, summary) => {
      const result = line(scoredReport(change), id);
      expect(result.status).toBe(status);
      expect(result.summary).toMatch(summary);
    });
  });
}

describe('scorecard', () => {
  it('has one line per standard, in order, and a domain set up right passes them all', () => {
    const lines = scoredReport().mail!.scorecard!;
    expect(lines.map((entry) => entry.id)).toEqual([...SCORECARD_IDS]);
    expect(lines.filter((entry) => entry.status !== 'pass')).toEqual([]);
  });

  it('says "not checked", never fail, for the mail lines when the mail setup was not asked for', () => {
    const report = scoredReport();
    delete report.mail;
    const lines = scorecard(report);
    for (const id of ['spf', 'dkim', 'dmarc', 'dnssec', 'dane', 'mtaSts', 'tlsRpt'] as const)
      expect(lines.find((l) => l.id === id)?.status).toBe('not-checked');
    expect(lines.find((l) => l.id === 'mx')?.status).toBe('pass');
  });

  it('judges nothing but the MX line of a name that does not exist (RFC 8020)', () => {
    const lines = scoredReport((report) => {
      report.mxStatus = 'nxdomain';
      report.exchanges = [];
    }).mail!.scorecard!;
    expect(lines[0]).toMatchObject({ id: 'mx', status: 'fail' });
    expect(new Set(lines.slice(1).map((l) => l.status))).toEqual(new Set(['not-checked']));
  });

  it('worstStatus: fail over warn over pass; not-checked only when nothing was checked', () => {
    expect(worstStatus([{ status: 'pass' }, { status: 'warn' }, { status: 'not-checked' }])).toBe('warn');
    expect(worstStatus([{ status: 'warn' }, { status: 'fail' }])).toBe('fail');
    expect(worstStatus([{ status: 'not-checked' }])).toBe('not-checked');
  });
});

table('mx', [
  ['passes with MX hosts that resolve (RFC 5321 §5.1)', () => undefined, 'pass', /^2 MX hosts, all resolve$/],
  ['passes a null MX: no mail, said clearly (RFC 7505)', noMail, 'pass', /Null MX/],
  ['fails when the only MX host does not exist', (r) => void (r.exchanges = [testExchange('mx.example.com', { state: 'nxdomain' })]), 'fail', /./],
  [
    'does not count reverse DNS (it matters for sending; bulk runs ask none)',
    (r) => void (r.exchanges[1]!.addresses[0]!.ptrStatus = 'nxdomain'),
    'pass',
    /MX hosts/,
  ],
  ['warns on a routing warning (an MX that is a CNAME, RFC 2181 §10.3)', (r) => void (r.exchanges[1]!.cname = ['real.example.com']), 'warn', /./],
  ['is still checking while the MX answer is out', (r) => void (r.mxStatus = 'pending'), 'not-checked', /checking/],
]);

table('spf', [
  ['passes a record ending in -all (RFC 7208 §8.4)', () => undefined, 'pass', /^Ends in "-all", 1 of 10 DNS lookups$/],
  ['fails without a record', (_r, m) => Object.assign(m.spf.root, { status: 'none', records: [], terms: [] }), 'fail', /^No SPF record$/],
  [
    'fails on several records (permerror, RFC 7208 §4.5)',
    (_r, m) => Object.assign(m.spf.root, { status: 'multiple', records: ['v=spf1 -all', 'v=spf1 mx -all'] }),
    'fail',
    /2 SPF records/,
  ],
  [
    'warns on ?all (RFC 7208 §8.2)',
    (_r, m) => (m.spf.root.terms = m.spf.root.terms.map((t) => (t.kind === 'mechanism' && t.name === 'all' ? { ...t, qualifier: '?', text: '?all' } : t))),
    'warn',
    /neutral/,
  ],
  ['is still checking while the TXT answer is out', (_r, m) => void (m.spf.status = 'pending'), 'not-checked', /checking/],
]);

table('dkim', [
  ['passes a 2048-bit key (RFC 8301 §3.2)', () => undefined, 'pass', /^Key under selector google$/],
  [
    'fails a key verifiers cannot use (RFC 6376 §3.6.1)',
    (_r, m) => void (m.dkim.selectors[0]!.keys[0]!.errors = ['The key is not base64.']),
    'fail',
    /cannot be used/,
  ],
  ['warns on a 1024-bit key', (_r, m) => void (m.dkim.selectors[0]!.keys[0]!.bits = 1024), 'warn', /1024-bit RSA key/],
  [
    'warns when no key is found under the selectors tried (they cannot be listed)',
    (_r, m) => void (m.dkim.selectors[0]!.keys = []),
    'warn',
    /No key under the 1 selectors tried/,
  ],
  [
    'fails when _domainkey does not exist: no key under any selector (RFC 8020)',
    (_r, m) => {
      m.dkim.selectors[0]!.keys = [];
      m.dkim.selectors[0]!.status = 'nxdomain';
      m.dkim.domainkey = {
        name: '_domainkey.example.com',
        status: 'nxdomain',
        wildcardName: 'x._domainkey.example.com',
        wildcardStatus: 'nxdomain',
        wildcardRecords: [],
      };
    },
    'fail',
    /^No DKIM key under any selector/,
  ],
  [
    'needs no key on a domain that sends no mail (null MX, -all, p=reject; as internet.nl)',
    (r, m) => (noMail(r, m), (m.dkim.selectors[0]!.keys = [])),
    'pass',
    /sends no mail/,
  ],
  [
    'still wants a key with a null MX but a p=none policy',
    (r, m) => (noMail(r, m), (m.dkim.selectors[0]!.keys = []), (m.dmarc.policy!.effective = 'none')),
    'warn',
    /No key/,
  ],
]);

table('dmarc', [
  ['passes p=reject (RFC 7489 §6.3)', () => undefined, 'pass', /^p=reject$/],
  [
    'passes an inherited sp=quarantine and says where from',
    (_r, m) => Object.assign(m.dmarc.policy!, { source: 'organizational-domain', domain: 'example.org', tag: 'sp', effective: 'quarantine' }),
    'pass',
    /^sp=quarantine \(from example\.org\)$/,
  ],
  ['warns on p=none: monitoring only', (_r, m) => void (m.dmarc.policy!.effective = 'none'), 'warn', /^p=none: monitoring only/],
  ['warns on t=y (DMARCbis §4.7)', (_r, m) => void (m.dmarc.policy!.parsed.tags.t = 'y'), 'warn', /testing \(t=y\)/],
  ['fails without a record', (_r, m) => (delete m.dmarc.policy, (m.dmarc.lookups[0]!.records = [])), 'fail', /has no DMARC record|No DMARC record/],
  [
    'fails on two records (RFC 7489 §6.6.3)',
    (_r, m) => (delete m.dmarc.policy, (m.dmarc.lookups[0]!.records = ['v=DMARC1; p=none', 'v=DMARC1; p=reject'])),
    'fail',
    /2 DMARC records/,
  ],
  ['is still checking while the tree walk runs', (_r, m) => void (m.dmarc.resolved = false), 'not-checked', /checking/],
]);

table('dnssec', [
  ['passes a validated MX answer and host addresses (AD)', () => undefined, 'pass', /^Domain and MX hosts signed$/],
  ['fails an unsigned domain', (_r, m) => void (m.dnssec.mx!.authenticated = false), 'fail', /not signed/],
  [
    'warns when only the MX hosts are unsigned (RFC 7672 §2.2)',
    (_r, m) => void (m.dnssec.hosts[2]!.authenticated = false),
    'warn',
    /^Domain signed; not the addresses of mx2\.example\.com$/,
  ],
  ['is not checked without an MX answer', (_r, m) => void (m.dnssec.mx!.status = 'servfail'), 'not-checked', /No MX answer/],
]);

table('dane', [
  ['passes valid TLSA on every host, rollover ready (RFC 7672)', () => undefined, 'pass', /^Valid TLSA for all 2 MX hosts, rollover ready$/],
  ['passes without rollover, and does not claim it', (_r, m) => void (dane(m).hosts[0]!.rollover = false), 'pass', /^Valid TLSA for all 2 MX hosts$/],
  [
    'fails on a SERVFAIL for a signed host: DANE senders defer (RFC 7672 §2.2)',
    (_r, m) => void (dane(m).hosts[1]!.status = 'failed'),
    'fail',
    /^TLSA lookup failed for mx2\.example\.com: DANE senders defer mail$/,
  ],
  [
    'fails with only unusable records (usages 0/1, RFC 7672 §3.1.3)',
    (_r, m) => void (dane(m).hosts[0]!.status = 'unusable'),
    'fail',
    /No usable TLSA record for mx1/,
  ],
  [
    'fails TLSA in an unsigned zone: senders ignore it',
    (_r, m) => dane(m).hosts.forEach((h) => (h.status = 'insecure')),
    'fail',
    /not signed, so senders ignore it/,
  ],
  ['fails without TLSA', (_r, m) => dane(m).hosts.forEach((h) => (h.status = 'none')), 'fail', /^No TLSA records/],
  ['warns when only some hosts have DANE', (_r, m) => void (dane(m).hosts[1]!.status = 'none'), 'warn', /^No DANE for mx2\.example\.com$/],
  ['is not checked when the report has no DANE section', (_r, m) => void delete (m as { dane?: unknown }).dane, 'not-checked', /^DANE not checked$/],
  ['is still checking while TLSA answers are out', (_r, m) => void (dane(m).status = 'pending'), 'not-checked', /checking/],
  ['is not needed with a null MX', noMail, 'pass', /null MX/],
]);

table('mtaSts', [
  ['passes enforce covering every MX host (RFC 8461 §5)', () => undefined, 'pass', /^mode: enforce, covers every MX host$/],
  [
    'fails enforce that misses an MX host: its mail may bounce (RFC 8461 §4.1)',
    (_r, m) => m.mtaSts.policy.state === 'ok' && void (m.mtaSts.policy.policy.mx = ['mx1.example.com']),
    'fail',
    /mx2\.example\.com is an MX host/,
  ],
  ['warns in testing mode', (_r, m) => m.mtaSts.policy.state === 'ok' && void (m.mtaSts.policy.policy.mode = 'testing'), 'warn', /^mode: testing/],
  [
    'warns without a policy',
    (_r, m) => Object.assign(m.mtaSts, { records: [], record: undefined, txtStatus: 'nodata', policy: { state: 'not-fetched' } }),
    'warn',
    /^No MTA-STS policy/,
  ],
  [
    'warns when the policy cannot be fetched',
    (_r, m) => void (m.mtaSts.policy = { state: 'http-error', url: 'https://mta-sts.example.com/.well-known/mta-sts.txt', httpStatus: 404 }),
    'warn',
    /./,
  ],
  [
    'is not checked while the permission to fetch is not given',
    (_r, m) => void (m.mtaSts.policy = { state: 'permission-needed', url: 'https://mta-sts.example.com/.well-known/mta-sts.txt' }),
    'not-checked',
    /permission needed/,
  ],
  ['is not checked when the policy was not fetched', (_r, m) => void (m.mtaSts.policy = { state: 'not-fetched' }), 'not-checked', /^Policy not fetched$/],
]);

table('tlsRpt', [
  ['passes a record with a report address (RFC 8460)', () => undefined, 'pass', /^Reports go to 1 address$/],
  ['warns without a record', (_r, m) => Object.assign(m.tlsRpt, { txtStatus: 'nodata', records: [], parsed: undefined }), 'warn', /^No TLS-RPT record/],
  ['warns on two records', (_r, m) => void m.tlsRpt.records.push('v=TLSRPTv1; rua=mailto:u@example.com'), 'warn', /./],
  ['is not needed with a null MX', noMail, 'pass', /null MX/],
]);

table('ipv6', [
  ['passes when every MX host has an IPv6 address', () => undefined, 'pass', /^All 2 MX hosts have an IPv6 address$/],
  [
    'warns and names the hosts without one',
    (r) => void (r.exchanges[1]!.addresses = r.exchanges[1]!.addresses.filter((a) => a.family === 4)),
    'warn',
    /^No IPv6 address: mx2\.example\.com$/,
  ],
  [
    'fails when no MX host has one',
    (r) => r.exchanges.forEach((e) => (e.addresses = e.addresses.filter((a) => a.family === 4))),
    'fail',
    /^No MX host has an IPv6 address$/,
  ],
  ['is still checking while an AAAA answer is out', (r) => void (r.exchanges[0]!.addressStatus.AAAA = 'pending'), 'not-checked', /checking/],
  ['is not needed with a null MX', noMail, 'pass', /null MX/],
]);

table('resilience', [
  ['passes backups on another network', () => undefined, 'pass', /^2 networks, 2 countries, backup ready$/],
  [
    'warns when every host is on one network',
    (r) =>
      r.exchanges.forEach(
        (e, i) =>
          (e.addresses = [
            testAddress(`192.0.2.${20 + i}`, {
              ptr: [{ name: e.host, forward: [`192.0.2.${20 + i}`], forwardStatus: 'ok' }],
              asn: { status: 'ok', number: 64500, prefix: '192.0.2.0/24', country: 'DE' },
            }),
          ]),
      ),
    'warn',
    /./,
  ],
  ['is still checking while the networks are looked up', (r) => void (r.exchanges[0]!.addresses[0]!.asn = { status: 'pending' }), 'not-checked', /checking/],
  ['is not needed with a null MX', noMail, 'pass', /null MX/],
]);
