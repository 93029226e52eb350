/**
 * Issue #16, section 1: the defects found by trying MXray as a hostile zone and a hostile
 * resolver would, each with its own test, through the built CLI (bin/mxray.js) against the
 * loopback stack: knotd's hostile fixtures (test/zones/hostile.inc) and the fault server's
 * byte-level bends (test/stack/fault-bend.ts).
 */
import { describe, expect, inject, it } from 'vitest';
import { runMxray, type MxrayRun } from '../support/run-mxray';
import type { Report } from '../../src/core/report';
import { readFaultLog } from '../stack/fault-log-client';
import '../stack/stack-info';

const stack = inject('stack');

function mxray(...args: string[]): Promise<MxrayRun> {
  return runMxray(stack.caPath, ['--no-fallback', '--timeout', '4000', ...args], { timeoutMs: 30_000 });
}
const fault = (modes: string, endpoint = 'dns-query') => `${stack.faultUrl}/${modes}/${endpoint}`;
const json = async (...args: string[]) => JSON.parse((await mxray('--json', ...args)).stdout) as Report;
/** Every C0/C1 control, bidi and invisible character: none may reach a terminal raw. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

describe('lenient parsing, fixed', () => {
  it('refuses an MX whose RDLENGTH runs past the end of the message, and says which record', async () => {
    const { code, stdout } = await mxray('--resolver', fault('rdlength/500'), 'one-mx.test');
    expect(code).toBe(2);
    expect(stdout).toMatch(/answer record 1 of 1 says its data is 500 bytes, past the end of the message/);
    expect(stdout).not.toMatch(/mx\.one-mx\.test\s+300/);
  });

  it('ignores records of class CH, with a sentence, and never uses them as a mail server', async () => {
    const report = await json('--resolver', fault('answer-class/3'), 'one-mx.test');
    expect(report.exchanges).toEqual([]);
    expect(report.findings.map((f) => f.message).join('\n')).toMatch(/an MX record of class CH came for one-mx\.test, and only class IN is Internet DNS/);
  });

  it('escapes a "." byte inside a label and never asks it as the different name it would read as', async () => {
    const { tag } = { tag: `label-dot-${process.pid}` };
    const { code, stdout } = await mxray('--resolver', fault(`tag/${tag}`), 'label-dot.test');
    expect(stdout).toMatch(/^10\s+mail\\\.evil\.label-dot\.test\s+300\s+\(not looked up: not a name a query can carry\)/m);
    expect(stdout).toMatch(/MXray did not look up its address: written out, it would be asked as another name/);
    expect(code).toBe(1);
    const asked = (await readFaultLog(stack, tag)).map((entry) => entry.name);
    expect(asked).toContain('label-dot.test');
    expect(asked).not.toContain('mail.evil.label-dot.test');
  });

  it('lets NXDOMAIN win over an MX answer it carries: no host listed or resolved, and the stray record said', async () => {
    const { code, stdout } = await mxray('--resolver', fault('answer-rcode/3'), 'one-mx.test');
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe('one-mx.test does not exist (NXDOMAIN)');
    expect(stdout).not.toMatch(/192\.0\.2\.10/);
    expect(stdout).toMatch(
      /an MX record came with the status NXDOMAIN, which says the name does not exist \(the status wins, RFC 2308 §2\.1\), so MXray ignored it/,
    );
  });
});

describe('wrong diagnoses, fixed', () => {
  it('names a CNAME loop as a loop, not "has no MX… it bounces"', async () => {
    const { code, stdout } = await mxray('--resolver', stack.dohUrl, 'cname-loop.test');
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe('cname-loop.test is an alias (CNAME) chain that loops: no mail server can be found');
    expect(stdout).toMatch(/loops back on itself: cname-loop\.test → loop2\.cname-loop\.test → cname-loop\.test/);
    expect(stdout).not.toMatch(/has no MX record/);
  });

  it('names a CNAME chain of 50 as too long, following it past what one answer holds', async () => {
    const report = await json('--resolver', stack.dohUrl, 'cname-50.test');
    expect(report.cnameProblem).toBe('too-long');
    expect(report.findings[0]).toMatchObject({ code: 'cname-chain-too-long', severity: 'error' });
    expect(report.findings.some((f) => f.code === 'domain-no-mail-host')).toBe(false);
  });

  it('exits 1 on REFUSED, as on SERVFAIL', async () => {
    expect((await mxray('--resolver', fault('rcode/refused'), 'one-mx.test')).code).toBe(1);
    expect((await mxray('--resolver', fault('rcode/servfail'), 'one-mx.test')).code).toBe(1);
  });

  it('names an unassigned rcode (15 on the wire, Status 99 in JSON) instead of "no resolver answered"', async () => {
    for (const [resolver, code] of [
      [fault('rcode/15'), '15'],
      [fault('json-status/99/json', 'resolve'), '99'],
    ] as const) {
      const { stdout } = await mxray('--resolver', resolver, ...(code === '99' ? ['--format', 'json'] : []), 'one-mx.test');
      expect(stdout).toContain(`the resolver answered with response code ${code}, which is not assigned to any meaning`);
      expect(stdout.split('\n')[0]).not.toMatch(/no resolver answered/);
      const report = await json('--resolver', resolver, ...(code === '99' ? ['--format', 'json'] : []), 'one-mx.test');
      expect(report.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('names that pass but should not, fixed', () => {
  it.each([
    ['ptr-zwsp.test', '192.0.2.231', 'mx.ptr\\u200bzwsp.test'],
    ['ptr-rlo.test', '192.0.2.232', 'mail.moc\\u202elapyap.ptr-rlo.test'],
    ['ptr-esc.test', '192.0.2.233', 'mx\\u001b[31m.ptr-esc.test'],
  ])('never gives FCrDNS pass to a PTR name that is not a host name (%s)', async (domain, ip, shown) => {
    // --no-asn: the address row without its NETWORK column, so the FCrDNS column follows the PTR.
    const { stdout } = await mxray('--resolver', stack.dohUrl, '--no-asn', domain);
    expect(stdout).not.toMatch(RAW_UNSAFE);
    expect(stdout).toContain(shown);
    expect(stdout).toMatch(new RegExp(`${ip.replace(/\./g, '\\.')}\\s+\\S+\\s+fail$`, 'm'));
    expect(stdout).toMatch(/is not a valid host name: .* It can never pass forward-confirmed reverse DNS/);
    const report = await json('--resolver', stack.dohUrl, domain);
    expect(report.exchanges[0]!.addresses[0]!.fcrdns).not.toBe('pass');
    expect(report.findings.find((f) => f.code === 'ptr-invalid-hostname')).toBeDefined();
  });

  it('shows invalid U-labels as their A-labels and warns about mixed-script names from DNS', async () => {
    const report = await json('--resolver', stack.dohUrl, 'idn-mx.test');
    expect(report.exchanges.map((e) => e.display)).toEqual(['mx.xn--zug.idn-mx.test', 'mx.xn--agpj-vd7a.idn-mx.test', 'mx.pаypal.idn-mx.test']);
    const codes = report.findings.map((f) => `${f.code} ${f.subject}`);
    expect(codes).toContain('idn-invalid-label mx.xn--zug.idn-mx.test');
    expect(codes).toContain('idn-invalid-label mx.xn--agpj-vd7a.idn-mx.test');
    expect(codes).toContain('idn-mixed-scripts mx.xn--pypal-4ve.idn-mx.test');
  });

  it('warns about a typed mixed-script name (pаypal with a Cyrillic а) and about xn--pypal-4ve', async () => {
    for (const input of ['p\u0430ypal.test', 'xn--pypal-4ve.test']) {
      const report = await json('--resolver', stack.dohUrl, input);
      const finding = report.findings.find((f) => f.code === 'idn-mixed-scripts');
      expect(finding?.message).toMatch(/mixes Latin and Cyrillic letters in one label.*It reads as paypal\.test/);
    }
  });
});

describe('CLI edges, fixed', () => {
  it.each([
    ['--resolver', 'https://x\u001b[2J.test/dns-query'],
    ['--resolver', 'cloud\u202eflare'],
    ['--dkim-selector', 's\u001b[31m'],
    ['--timeout', '1\u0007'],
    ['--format', 'w\u200bire'],
    ['--bad\u001b[2J', ''],
  ])('never echoes raw control characters in an option error (%s)', async (option, value) => {
    const { code, stderr } = await mxray(...(value ? [option, value] : [option]), 'one-mx.test');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^mxray: /);
    expect(stderr).not.toMatch(RAW_UNSAFE);
    expect(stderr).toMatch(/\\u(001b|202e|0007|200b)/);
  });

  it('prints a proper result for bad input with --json, and an array of both for one bad and one good', async () => {
    const one = await mxray('--resolver', stack.dohUrl, '--json', 'exa mple.com');
    expect(one.code).toBe(2);
    expect(JSON.parse(one.stdout)).toMatchObject({ status: 'invalid', input: 'exa mple.com', error: { code: 'invalid-query', reason: 'bad-character' } });
    const two = await mxray('--resolver', stack.dohUrl, '--json', 'exa mple.com', 'one-mx.test');
    const both = JSON.parse(two.stdout) as { status: string }[];
    expect(both.map((r) => r.status)).toEqual(['invalid', 'done']);
  });

  it('never sends the user to "the settings", which the CLI has none of', async () => {
    const { stdout } = await mxray('--resolver', fault('rcode/15'), 'one-mx.test');
    expect(stdout).not.toMatch(/settings/i);
    const down = await mxray('--resolver', 'https://127.0.0.1:9/dns-query', 'one-mx.test');
    expect(down.stdout).not.toMatch(/settings/i);
  });

  it('shows an invisible character in an MX target, so mx2.tri\u200bck does not read as mx2.trick', async () => {
    const { stdout } = await mxray('--resolver', stack.dohUrl, 'invisible-mx.test');
    expect(stdout).toContain('mx2.tri\\u200bck.invisible-mx.test');
    expect(stdout).not.toMatch(RAW_UNSAFE);
  });
});
