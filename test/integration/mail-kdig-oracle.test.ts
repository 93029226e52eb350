/**
 * kdig is the oracle for the mail diagnostics' DNS facts: for every mail fixture, the engine
 * (DoH via dnsdist, diagnostics on) is run once, and every name it says it looked at is asked
 * again with kdig straight to knotd (plain DNS). The records and answer statuses must agree:
 * SPF at every node of the include tree and at every a/mx check, DMARC at every name of the tree
 * walk, DKIM at every probed selector (through CNAMEs), MTA-STS, TLS-RPT and BIMI, and the
 * return codes of every blocklist question. DNSSEC: the AD bit the engine reports is the one
 * dnsdist sends (kdig over DoH to dnsdist), and knotd itself never sets it.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { lookupMail } from '../../src/core/lookup/lookup-mail';
import type { MailDiagnostics } from '../../src/core/mail/mail-diagnostics';
import type { SpfNode } from '../../src/core/mail/spf';
import { parseQuery } from '../../src/core/query';
import type { Report } from '../../src/core/report';
import { kdigBatch, type KdigOptions, type KdigQuestion, type KdigResult } from '../stack/kdig';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());
const viaKnot: KdigOptions = { server: stack.knot.host, port: stack.knot.port };
const viaDoh: KdigOptions = { server: new URL(stack.dohUrl).hostname, port: stack.dohPort, https: true, caPath: stack.caPath };

const MAIL_FIXTURES = [
  'spf-tree.test',
  'spf-too-many.test',
  'spf-void.test',
  'spf-multiple.test',
  'spf-plus-all.test',
  'spf-loop.test',
  'spf-syntax.test',
  'spf-redirect.test',
  'spf-ptr.test',
  'spf-no-all.test',
  'spf-split.test',
  'no-spf.test',
  'no-dmarc.test',
  'dmarc-none.test',
  'dmarc-reject.test',
  'dmarc-bad.test',
  'dmarc-multiple.test',
  'dmarc-org.test',
  'sub.dmarc-org.test',
  'dkim.test',
  'one-mx.test',
  'five-mx.test',
  'sts.test',
  'sts-bad.test',
  'signed.test',
  'listed.test',
  'bad-ptr.test',
  'google-mx.test',
  'ms365.test',
  'lookalike.test',
  'xss.test',
];

// Record filters as the RFCs define the version tags (kept here, not imported from src).
const IS = {
  spf: (r: string) => /^v=spf1( |$)/i.test(r),
  dmarc: (r: string) => /^[ \t]*v[ \t]*=[ \t]*DMARC1[ \t]*(;|$)/.test(r),
  mtaSts: (r: string) => /^v=STSv1[ \t]*(;|$)/.test(r),
  tlsRpt: (r: string) => /^v=TLSRPTv1[ \t]*(;|$)/.test(r),
  bimi: (r: string) => /^v=BIMI1[ \t]*(;|$)/i.test(r),
};

/**
 * One TXT record's presentation form (`"v=spf1 ip4:192.0.2" ".10 mx -all"`) as the text a mail
 * checker reads: the character-strings joined with nothing between (RFC 7208 §3.3, RFC 6376
 * §3.6.2.2), `\"`, `\\` and `\DDD` unescaped.
 */
function txtText(presentation: string): string {
  const strings = [...presentation.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
  const bytes: number[] = [];
  for (const s of strings.length > 0 ? strings : [presentation]) {
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '\\' && /^\d{3}$/.test(s.slice(i + 1, i + 4))) {
        bytes.push(Number(s.slice(i + 1, i + 4)));
        i += 3;
      } else if (s[i] === '\\' && i + 1 < s.length) {
        bytes.push(...Buffer.from(s[++i]!, 'utf8'));
      } else {
        bytes.push(...Buffer.from(s[i]!, 'utf8'));
      }
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const abs = (name: string) => `${name.toLowerCase().replace(/\.$/, '')}.`;

/** The records of `type` at the end of the CNAME chain from `name`. */
function finalRecords(result: KdigResult, name: string, type: string): string[] {
  let target = abs(name);
  for (let i = 0; i < 16; i++) {
    const alias = result.answer.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === target);
    if (!alias) break;
    target = abs(alias.data);
  }
  return result.answer.filter((r) => r.type === type && r.name.toLowerCase() === target).map((r) => r.data);
}

/** kdig's answer in the engine's terms (RFC 2308): ok, nodata, nxdomain, or the rcode. */
function statusOf(result: KdigResult, name: string, type: string): string {
  if (result.rcode === 'NXDOMAIN') return 'nxdomain';
  if (result.rcode !== 'NOERROR') return result.rcode.toLowerCase();
  return finalRecords(result, name, type).length > 0 ? 'ok' : 'nodata';
}

const sorted = (list: readonly string[]) => [...list].sort();
const byNumber = (list: readonly string[]) =>
  [...list].sort((a, b) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0) - b.split('.').reduce((n, o) => n * 256 + Number(o), 0));

function spfNodes(node: SpfNode): SpfNode[] {
  return [node, ...node.children.flatMap(spfNodes)];
}

/** Every (name, type) question whose answer the diagnostics state a fact about. */
function questionsOf(mail: MailDiagnostics): KdigQuestion[] {
  const questions: KdigQuestion[] = [];
  for (const node of spfNodes(mail.spf.root)) {
    if (node.txtStatus !== 'skipped') questions.push({ name: node.domain, type: 'TXT' });
    for (const check of node.checks) if (check.status !== 'skipped') questions.push({ name: check.name, type: check.type });
  }
  for (const lookup of mail.dmarc.lookups) questions.push({ name: `_dmarc.${lookup.domain}`, type: 'TXT' });
  for (const selector of mail.dkim.selectors) questions.push({ name: selector.name, type: 'TXT' });
  questions.push(
    { name: `_mta-sts.${mail.mtaSts.domain}`, type: 'TXT' },
    { name: `_smtp._tls.${mail.tlsRpt.domain}`, type: 'TXT' },
    { name: mail.bimi.name, type: 'TXT' },
  );
  for (const target of mail.blocklists?.targets ?? []) for (const result of target.results) if (result.query) questions.push({ name: result.query, type: 'A' });
  const seen = new Set<string>();
  return questions.filter((q) => !seen.has(`${q.name} ${q.type}`) && seen.add(`${q.name} ${q.type}`));
}

interface Compared {
  report: Report;
  mail: MailDiagnostics;
  ask: (name: string, type: string) => KdigResult;
}

async function compare(domain: string): Promise<Compared> {
  const client = new DohClient({ providers: [customProvider(stack.dohUrl)], fetch: trusted.fetch });
  const report = await lookupMail(parseQuery(domain), client, { diagnostics: { blocklists: true, dkimSelectors: ['custom-sel'] } });
  expect(report.status).toBe('done');
  const mail = report.mail!;
  expect(mail.status).toBe('done');
  const questions = questionsOf(mail);
  const answers = await kdigBatch(questions, viaKnot);
  const byQuestion = new Map(questions.map((q, i) => [`${q.name.toLowerCase()} ${q.type}`, answers[i]!]));
  const ask = (name: string, type: string) => {
    const answer = byQuestion.get(`${name.toLowerCase()} ${type}`);
    if (!answer) throw new Error(`not asked of kdig: ${name} ${type}`);
    return answer;
  };
  return { report, mail, ask };
}

/** TXT records at `name` (after CNAMEs) that pass `filter`, as text. */
const txtAt = (ask: Compared['ask'], name: string, filter: (r: string) => boolean = () => true) =>
  finalRecords(ask(name, 'TXT'), name, 'TXT').map(txtText).filter(filter);

describe('the diagnostics (DoH via dnsdist) agree with kdig (plain DNS to knotd)', () => {
  it.each(MAIL_FIXTURES)('%s', async (domain) => {
    const { mail, ask } = await compare(domain);

    // SPF: every node of the tree that was asked, and every void-lookup check.
    for (const node of spfNodes(mail.spf.root)) {
      if (node.txtStatus === 'skipped') continue;
      const txt = ask(node.domain, 'TXT');
      expect(node.txtStatus, `SPF ${node.domain} TXT status`).toBe(statusOf(txt, node.domain, 'TXT'));
      expect(sorted(node.records), `SPF ${node.domain} records`).toEqual(sorted(txtAt(ask, node.domain, IS.spf)));
      for (const check of node.checks) {
        if (check.status === 'skipped') continue;
        const answer = ask(check.name, check.type);
        expect(check.status, `SPF check ${check.term}: ${check.name} ${check.type}`).toBe(statusOf(answer, check.name, check.type));
        if (check.type === 'MX' && check.status === 'ok') expect(check.hosts, `MX hosts of ${check.name}`).toBe(finalRecords(answer, check.name, 'MX').length);
      }
    }

    // DMARC: the domain and every parent of the tree walk.
    expect(mail.dmarc.lookups.length).toBeGreaterThan(0);
    for (const lookup of mail.dmarc.lookups) {
      const name = `_dmarc.${lookup.domain}`;
      expect(lookup.status, `${name} status`).toBe(statusOf(ask(name, 'TXT'), name, 'TXT'));
      expect(sorted(lookup.records), `${name} records`).toEqual(sorted(txtAt(ask, name, IS.dmarc)));
    }

    // DKIM: every key found is the TXT kdig finds there (through CNAMEs), and every selector kdig
    // has no TXT for is reported as not found.
    for (const selector of mail.dkim.selectors) {
      const records = txtAt(ask, selector.name);
      expect(sorted(selector.keys.map((k) => k.record)), `DKIM ${selector.name}`).toEqual(sorted(records));
      if (records.length === 0) {
        expect(['nxdomain', 'nodata'], `DKIM ${selector.name} status`).toContain(selector.status);
        expect(selector.status).toBe(statusOf(ask(selector.name, 'TXT'), selector.name, 'TXT'));
      } else {
        expect(selector.status, `DKIM ${selector.name} status`).toBe('ok');
      }
    }

    // MTA-STS, TLS-RPT, BIMI.
    const single = [
      [`_mta-sts.${domain}`, mail.mtaSts.txtStatus, mail.mtaSts.records, IS.mtaSts],
      [`_smtp._tls.${domain}`, mail.tlsRpt.txtStatus, mail.tlsRpt.records, IS.tlsRpt],
      [`default._bimi.${domain}`, mail.bimi.txtStatus, mail.bimi.records, IS.bimi],
    ] as const;
    for (const [name, status, records, filter] of single) {
      expect(status, `${name} status`).toBe(statusOf(ask(name, 'TXT'), name, 'TXT'));
      expect(sorted(records), `${name} records`).toEqual(sorted(txtAt(ask, name, filter)));
    }

    // Blocklists: the return codes are kdig's A records at the list names, read as RFC 5782 says.
    for (const target of mail.blocklists!.targets) {
      for (const result of target.results) {
        if (!result.query) {
          expect(result.state).toBe('not-checked');
          continue;
        }
        const answer = ask(result.query, 'A');
        const codes = byNumber(finalRecords(answer, result.query, 'A'));
        expect(result.codes, `${result.query} codes`).toEqual(codes);
        const expected =
          answer.rcode === 'NXDOMAIN' || codes.length === 0 ? 'not-listed' : codes.every((c) => c.startsWith('127.255.255.')) ? 'refused' : 'listed';
        expect(result.state, `${result.query}`).toBe(expected);
      }
    }
  });

  it('the blocklist fixtures give the oracle something to disagree with', async () => {
    // Guards the loop above against passing vacuously: these answers exist on knotd.
    const [zen70, spamcop170, zen11] = await kdigBatch(
      [
        { name: '70.2.0.192.zen.spamhaus.org', type: 'A' },
        { name: '170.2.0.192.bl.spamcop.net', type: 'A' },
        { name: '11.2.0.192.zen.spamhaus.org', type: 'A' },
      ],
      viaKnot,
    );
    expect(byNumber(finalRecords(zen70!, '70.2.0.192.zen.spamhaus.org', 'A'))).toEqual(['127.0.0.2', '127.0.0.4']);
    expect(finalRecords(spamcop170!, '170.2.0.192.bl.spamcop.net', 'A')).toEqual(['127.0.0.2']);
    expect(finalRecords(zen11!, '11.2.0.192.zen.spamhaus.org', 'A')).toEqual(['127.255.255.254']);
    const listed = await compare('listed.test');
    expect(listed.mail.blocklists!.targets[0]!.results.filter((r) => r.state === 'listed').map((r) => r.list)).toEqual(['spamhaus-zen', 'spamcop']);
  });

  it('the DKIM oracle follows the CNAME of selector1 the way the engine does', async () => {
    const { mail, ask } = await compare('dkim.test');
    const name = 'selector1._domainkey.dkim.test';
    expect(ask(name, 'TXT').answer.map((r) => r.type)).toEqual(['CNAME', 'TXT']);
    const key = mail.dkim.selectors.find((s) => s.name === name)!.keys[0]!;
    expect(key.record).toBe(txtAt(ask, name)[0]);
    expect(key.bits).toBe(1024);
    // The 2048-bit records are split into 255-byte strings; the engine joins them as kdig's do.
    const google = mail.dkim.selectors.find((s) => s.selector === 'google')!.keys[0]!;
    expect(ask('google._domainkey.dkim.test', 'TXT').answer[0]!.data.match(/" "/g)).toHaveLength(1);
    expect(google.record).toBe(txtAt(ask, 'google._domainkey.dkim.test')[0]);
    expect(mail.dkim.selectors.find((s) => s.selector === 'custom-sel')!.keys[0]!.record).toBe(txtAt(ask, 'custom-sel._domainkey.dkim.test')[0]);
  });

  it('the provider is read from the MX hosts kdig sees', async () => {
    for (const domain of ['google-mx.test', 'ms365.test', 'lookalike.test']) {
      const client = new DohClient({ providers: [customProvider(stack.dohUrl)], fetch: trusted.fetch });
      const report = await lookupMail(parseQuery(domain), client, { diagnostics: {} });
      const [mx] = await kdigBatch([{ name: domain, type: 'MX' }], viaKnot);
      const hosts = finalRecords(mx!, domain, 'MX').map((data) => data.split(' ')[1]!.replace(/\.$/, '').toLowerCase());
      expect(sorted(report.mail!.provider.flatMap((m) => m.hosts)), domain).toEqual(sorted(hosts));
    }
  });
});

describe('DNSSEC: the engine reports the AD bit dnsdist sends', () => {
  it.each([
    ['signed.test', true],
    ['one-mx.test', false],
  ])('%s', async (domain, validated) => {
    const client = new DohClient({ providers: [customProvider(stack.dohUrl)], fetch: trusted.fetch });
    const report = await lookupMail(parseQuery(domain), client, { diagnostics: {} });
    const dnssec = report.mail!.dnssec;
    const asked = [
      { name: domain, type: 'MX', engine: dnssec.mx },
      { name: domain, type: 'TXT', engine: dnssec.txt },
      ...dnssec.hosts.map((h) => ({ name: h.host, type: h.question.split(' ')[1]!, engine: h })),
    ];
    expect(asked.length).toBeGreaterThanOrEqual(3);
    const [doh, knot] = await Promise.all([kdigBatch(asked, viaDoh), kdigBatch(asked, viaKnot)]);
    asked.forEach((question, i) => {
      const label = `${question.name} ${question.type}`;
      expect(question.engine, label).toBeDefined();
      expect(question.engine!.authenticated, `${label}: engine vs kdig +https via dnsdist`).toBe(doh![i]!.flags.ad);
      expect(question.engine!.status, label).toBe(statusOf(doh![i]!, question.name, question.type));
      expect(doh![i]!.flags.ad, `${label} AD via dnsdist`).toBe(validated);
      // knotd is authoritative and validates nothing: the AD bit comes from the front end.
      expect(knot![i]!.flags.ad, `${label} AD straight from knotd`).toBe(false);
    });
    expect(report.authenticated).toBe(validated);
    expect(report.mail!.findings.dnssec!.map((f) => f.code)).toEqual([validated ? 'dnssec-validated' : 'dnssec-unsigned']);
  });
});
