/**
 * The `mxray` CLI as a person runs it: the built bundle through bin/mxray.js, in a child
 * process, against the loopback DoH stack (trusted through NODE_EXTRA_CA_CERTS, as documented).
 */
import { describe, expect, inject, it } from 'vitest';
import { runMxray, type MxrayRun } from '../support/run-mxray';
import type { Report } from '../../src/core/report';
import '../stack/stack-info';

const stack = inject('stack');

function mxray(...args: string[]): Promise<MxrayRun> {
  return runMxray(stack.caPath, args, { timeoutMs: 30_000 });
}

describe('mxray CLI', () => {
  it('prints the sorted mail servers with addresses, PTR and FCrDNS, and exits 0', async () => {
    const { code, stdout } = await mxray('--no-asn', '--resolver', stack.dohUrl, 'five-mx.test');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Mail for five-mx.test goes to 5 servers (5 with an address)');
    expect(lines[1]).toMatch(/^resolver 127\.0\.0\.1:\d+ · 3 round trips · 23 requests, 8 from cache · \d+ ms$/);
    expect(lines[3]).toMatch(/^PREF\s+MAIL SERVER\s+TTL\s+ADDRESS\s+PTR\s+FCrDNS$/);
    expect(lines[4]).toMatch(/^10\s+mx1\.five-mx\.test\s+300\s+192\.0\.2\.11\s+mx1\.five-mx\.test\s+pass$/);
    expect(lines[5]).toMatch(/^\s+2001:db8::11\s+mx1\.five-mx\.test\s+pass$/);
    expect(stdout).toMatch(/^40\s+mx5\.five-mx\.test/m);
    expect(stdout).toContain('SPF    v=spf1 mx -all');
    expect(stdout).toContain('share preference 10');
  });

  it('looks up the domain of an email address', async () => {
    const { code, stdout } = await mxray('--resolver', stack.dohUrl, 'postmaster+x@one-mx.test');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Mail for one-mx\.test \(from postmaster\+x@one-mx\.test\)/);
  });

  it('gives an IP its reverse name and the forward check', async () => {
    const { code, stdout } = await mxray('--resolver', stack.dohUrl, '192.0.2.25');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^192\.0\.2\.25\s+host25\.test\s+192\.0\.2\.25\s+pass$/m);
  });

  it('prints the whole report as JSON with --json', async () => {
    const { code, stdout } = await mxray('--resolver', stack.dohUrl, '--json', 'null-mx.test');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report).toMatchObject({ version: 2, status: 'done', nullMx: true, query: { name: 'null-mx.test' } });
  });

  it('exits 1 when the answer has error findings', async () => {
    const { code, stdout } = await mxray('--resolver', stack.dohUrl, 'trailing-dot.test');
    expect(code).toBe(1);
    expect(stdout).toContain('mx.trailing-dot.test.');
  });

  it('exits 2 with a sentence on bad input', async () => {
    const { code, stderr, stdout } = await mxray('--resolver', stack.dohUrl, 'exa mple.com');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^mxray: .*space/);
  });

  it('exits 2 when no resolver can be reached, and says which', async () => {
    const { code, stdout } = await mxray('--resolver', 'https://127.0.0.1:9/dns-query', '--no-fallback', '--timeout', '2000', 'one-mx.test');
    expect(code).toBe(2);
    expect(stdout).toMatch(/Could not reach 127\.0\.0\.1:9/);
  });

  it('exits 2 on a bad option or resolver URL', async () => {
    expect((await mxray('--timeout', 'soon', 'x.test')).code).toBe(2);
    const http = await mxray('--resolver', 'http://dns.example/dns-query', 'x.test');
    expect(http.code).toBe(2);
    expect(http.stderr).toMatch(/https/);
  });

  it('speaks the JSON API with --format json', async () => {
    const { code, stdout } = await mxray('--resolver', `${stack.faultUrl}/json/resolve`, '--format', 'json', 'one-mx.test');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^10\s+mx\.one-mx\.test\s+300\s+192\.0\.2\.10/m);
  });

  it('skips reverse lookups with --no-ptr', async () => {
    const { stdout } = await mxray('--no-asn', '--resolver', stack.dohUrl, '--no-ptr', 'one-mx.test');
    expect(stdout).toMatch(/1 round trip · 5 requests|2 round trips · 7 requests/);
    expect(stdout).toMatch(/192\.0\.2\.10\s+-\s+skipped/);
  });

  it('prints usage with --help', async () => {
    const { code, stdout } = await mxray('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: mxray');
  });
});

describe('mxray CLI headlines', () => {
  it('says a domain does not exist, or could not be looked up, instead of "no mail servers"', async () => {
    expect((await mxray('--resolver', stack.dohUrl, 'does-not-exist.test')).stdout.split('\n')[0]).toBe('does-not-exist.test does not exist (NXDOMAIN)');
    expect((await mxray('--resolver', stack.dohUrl, 'servfail.test')).stdout.split('\n')[0]).toBe(
      'servfail.test could not be looked up: the resolver answered SERVFAIL',
    );
    const down = await mxray('--resolver', 'https://127.0.0.1:9/dns-query', '--no-fallback', 'one-mx.test');
    expect(down.stdout.split('\n')[0]).toBe('one-mx.test could not be looked up: no resolver answered');
  });
});
