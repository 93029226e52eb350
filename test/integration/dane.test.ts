/**
 * DANE for the MX hosts (issue #23, RFC 7672) as a person runs it: the built `mxray --all` against
 * the DNS test stack's DANE fixtures (test/zones/dane.inc), through the DoH front end that plays a
 * validating resolver for dane-signed.test. `mail.dane.hosts` is the contract `--json` users read.
 */
import { describe, expect, inject, it } from 'vitest';
import { runMxray, type MxrayRun } from '../support/run-mxray';
import type { DaneHost } from '../../src/core/mail/dane/types';
import type { Report } from '../../src/core/report';
import '../stack/stack-info';

const stack = inject('stack');

function mxray(...args: string[]): Promise<MxrayRun> {
  return runMxray(stack.caPath, args, { timeoutMs: 30_000 });
}

async function reportOf(domain: string): Promise<Report> {
  const { stdout, stderr } = await mxray('--no-asn', '--resolver', stack.dohUrl, '--all', '--json', domain);
  expect(stderr).toBe('');
  return JSON.parse(stdout) as Report;
}

const tlsa = (usage: number, selector: number, matchingType: number, data: string) => ({ usage, selector, matchingType, data });
const host = (name: string, status: DaneHost['status'], records: DaneHost['records'], rollover = false): DaneHost => ({
  host: name,
  status,
  records,
  rollover,
});

const FIXTURES: [string, DaneHost[]][] = [
  [
    'rollover.dane-signed.test',
    [
      host(
        'mx.rollover.dane-signed.test',
        'valid',
        [
          tlsa(2, 1, 1, '254218b1642432d83167407cdb69682c4324e751f5b6d371607aeb3a401c2660'),
          tlsa(3, 1, 1, 'e3087dccb0ea5d1b4d6b6d9dde62802b1c883c41e20488cbc2b9a055f5d336c1'),
        ],
        true,
      ),
    ],
  ],
  [
    'single.dane-signed.test',
    [host('mx.single.dane-signed.test', 'valid', [tlsa(3, 1, 1, '0dc813fde298f8755dbce0d8e0ef0916a0649c78c4c042acdf6043a9d28ed7af')])],
  ],
  ['dane-unsigned.test', [host('mx.dane-unsigned.test', 'insecure', [tlsa(3, 1, 1, '9beac580cf5b4fa17ce9b15bef1705d6c11370be83b5c9f50a7afb90cab2468e')])]],
  [
    'pkix.dane-signed.test',
    [host('mx.pkix.dane-signed.test', 'unusable', [tlsa(1, 1, 1, '2feb0deaa22159119d5c0ea2a5f32958e2d3ebf1b875572e198b8d96f315b288')])],
  ],
  ['short-hash.dane-signed.test', [host('mx.short-hash.dane-signed.test', 'unusable', [tlsa(3, 1, 1, '986617a109274a01a8c1ffe38b9ae9804b0bd07f')])]],
  ['tlsa-servfail.dane-signed.test', [host('mx.tlsa-servfail.dane-signed.test', 'failed', [])]],
  [
    'cname.dane-signed.test',
    [host('mail.cname.dane-signed.test', 'valid', [tlsa(3, 1, 1, 'dddc5fdd0e6deccf0d6e75dcc20e1f58c22af638c1b2737dc4c80fe7b3c84351')])],
  ],
  ['no-tlsa.dane-signed.test', [host('mx.no-tlsa.dane-signed.test', 'none', [])]],
];

describe('mxray --all --json: mail.dane.hosts (RFC 7672)', () => {
  it.each(FIXTURES)('%s', async (domain, expected) => {
    const report = await reportOf(domain);
    expect(report.mail!.dane.hosts).toEqual(expected);
    expect(report.mail!.dane.status).toBe('done');
  });

  it('looks up the TLSA records of an alias through signed names at its target (RFC 7672 §2.2.3)', async () => {
    const report = await reportOf('cname.dane-signed.test');
    expect(report.mail!.dane.lookups).toEqual([
      {
        host: 'mail.cname.dane-signed.test',
        base: 'mx.provider.dane-signed.test',
        tlsaStatus: 'ok',
        tlsaAuthenticated: true,
        mxAuthenticated: true,
        hostSigned: true,
      },
    ]);
  });

  it('says what each status means to senders, in the words of the issue', async () => {
    const messages = async (domain: string) => (await reportOf(domain)).mail!.findings.dane!.map((f) => `${f.severity} ${f.code}: ${f.message}`).join('\n');
    expect(await messages('tlsa-servfail.dane-signed.test')).toMatch(
      /^error dane-lookup-failed: .*\(SERVFAIL\)\. Its zone is signed, so DANE senders defer the mail/m,
    );
    const unsigned = await messages('dane-unsigned.test');
    expect(unsigned).toContain('so senders ignore them');
    expect(unsigned).toContain('DANE cannot be used until the zone of mx.dane-unsigned.test is signed.');
    expect(await messages('pkix.dane-signed.test')).toContain('usage 1 (PKIX-EE) is not used for SMTP');
    expect(await messages('short-hash.dane-signed.test')).toContain('needs 32 bytes of data; this record has 20');
    expect(await messages('single.dane-signed.test')).toContain('info dane-no-rollover');
    expect(await messages('no-tlsa.dane-signed.test')).toContain('info dane-none');
  });
});

describe('mxray --all: the DANE block', () => {
  it('prints each host, its records and the commands that check port 25', async () => {
    const { code, stdout } = await mxray('--no-asn', '--resolver', stack.dohUrl, '--all', 'rollover.dane-signed.test');
    expect(code).toBe(0);
    // The block's own lines, without the indentation format-mail.ts gives every section.
    const start = stdout.indexOf('\nDANE\n');
    expect(start).toBeGreaterThan(0);
    const lines = stdout.slice(start + 6).split('\n');
    const block = lines
      .slice(
        0,
        lines.findIndex((line) => /^\S/.test(line)),
      )
      .map((line) => line.replace(/^ {2}/, ''));
    expect(block[0]).toMatch(/^mx\.rollover\.dane-signed\.test\s+DANE valid, ready for a key change$/);
    expect(block).toContain('  3 1 1 e3087dccb0ea5d1b4d6b6d9dde62802b1c883c41e20488cbc2b9a055f5d336c1');
    expect(block).toContain('    DANE-EE, SPKI, SHA2-256: usable');
    expect(block).toContain('  2 1 1 254218b1642432d83167407cdb69682c4324e751f5b6d371607aeb3a401c2660');
    expect(block).toContain('    DANE-TA, SPKI, SHA2-256: usable');
    expect(block).toContain('To match the records against the certificate on port 25, which a browser cannot reach, run:');
    expect(block.join('\n')).toContain('info   MXray asks DNS only: a browser cannot reach port 25');
    expect(block).toContain('  posttls-finger -t30 -T180 -c -L verbose,summary "[mx.rollover.dane-signed.test]"');
    expect(block).toContain(
      '  openssl s_client -starttls smtp -connect mx.rollover.dane-signed.test:25 -dane_tlsa_domain mx.rollover.dane-signed.test' +
        ' -dane_tlsa_rrdata "2 1 1 254218b1642432d83167407cdb69682c4324e751f5b6d371607aeb3a401c2660"' +
        ' -dane_tlsa_rrdata "3 1 1 e3087dccb0ea5d1b4d6b6d9dde62802b1c883c41e20488cbc2b9a055f5d336c1"',
    );
  });
});
