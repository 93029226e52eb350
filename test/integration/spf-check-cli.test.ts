/**
 * `mxray --spf-ip IP [--helo NAME] [--json] -- SENDER` (issue #15) as a person runs it: the
 * built CLI in a child process against the loopback DoH stack and the fault server.
 */
import { describe, expect, inject, it } from 'vitest';
import { runMxray, type MxrayRun } from '../support/run-mxray';
import type { SpfCheck } from '../../src/core/mail/spf/check-host';
import '../stack/stack-info';

const stack = inject('stack');

function mxray(...args: string[]): Promise<MxrayRun> {
  return runMxray(stack.caPath, args, { timeoutMs: 30_000 });
}

const json = async (...args: string[]) => {
  const run = await mxray('--resolver', stack.dohUrl, '--json', ...args);
  const parsed = JSON.parse(run.stdout) as { spfCheck: SpfCheck };
  return { ...run, check: parsed.spfCheck };
};

describe('mxray --spf-ip', () => {
  it('pass through an include: exit 0, the sentence and the path', async () => {
    const { code, stdout } = await mxray('--resolver', stack.dohUrl, '--spf-ip', '203.0.113.5', '--', 'alice@incl.spf-check.test');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '203.0.113.5 may send mail for incl.spf-check.test: it matches ip4:203.0.113.0/24 in _spf.incl.spf-check.test, included by incl.spf-check.test.',
    );
    expect(stdout).toContain('Path         incl.spf-check.test → include:_spf.incl.spf-check.test → ip4:203.0.113.0/24 matched');
  });

  it('--json: one object whose spfCheck has result, explanation and path', async () => {
    const { code, check } = await json('--spf-ip', '203.0.113.5', '--', 'alice@incl.spf-check.test');
    expect(code).toBe(0);
    expect(check).toMatchObject({
      result: 'pass',
      explanation: null,
      path: ['incl.spf-check.test', 'include:_spf.incl.spf-check.test', 'ip4:203.0.113.0/24 matched'],
      lookups: 1,
      voidLookups: 0,
    });
  });

  it('fail with exp: exit 1 and the expanded explanation', async () => {
    const { code, check } = await json('--spf-ip', '192.0.2.99', '--', 'Bob.Smith@exp.spf-check.test');
    expect(code).toBe(1);
    expect(check.result).toBe('fail');
    expect(check.explanation).toBe(
      "192.0.2.99 is not one of exp.spf-check.test's mail servers; see https://exp.spf-check.test/spf?s=Bob.Smith%40exp.spf-check.test",
    );
  });

  it('permerror at the 11th lookup names the term: exit 1', async () => {
    const { code, check } = await json('--spf-ip', '203.0.113.99', '--', 'spf-too-many.test');
    expect(code).toBe(1);
    expect(check).toMatchObject({
      result: 'permerror',
      lookups: 11,
      problem: { term: 'include:_s4.spf-too-many.test', domain: '_s3.spf-too-many.test', section: '4.6.4' },
    });
  });

  it('temperror when the resolver hangs: exit 1', async () => {
    const run = await mxray(
      '--resolver',
      `${stack.faultUrl}/hang/dns-query`,
      '--no-fallback',
      '--timeout',
      '500',
      '--json',
      '--spf-ip',
      '203.0.113.5',
      '--',
      'a@incl.spf-check.test',
    );
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { spfCheck: SpfCheck }).spfCheck.result).toBe('temperror');
  });

  it('an empty sender checks the HELO name', async () => {
    const { code, check } = await json('--spf-ip', '192.0.2.10', '--helo', 'helo.spf-check.test', '--', '');
    expect(code).toBe(0);
    expect(check).toMatchObject({ result: 'pass', identity: 'helo', sender: 'postmaster@helo.spf-check.test' });
  });

  it('reads the IP as people paste it: brackets, a Received line, IPv4-mapped IPv6', async () => {
    expect((await json('--spf-ip', '[203.0.113.5]', '--', 'incl.spf-check.test')).check.ip).toBe('203.0.113.5');
    expect((await json('--spf-ip', 'from mail.example.com (mail.example.com [203.0.113.5]) by mx.example.net', '--', 'incl.spf-check.test')).check.result).toBe(
      'pass',
    );
    const mapped = await mxray('--resolver', stack.dohUrl, '--spf-ip', '::ffff:203.0.113.5', '--', 'incl.spf-check.test');
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain('IPv4-mapped ::ffff:203.0.113.5, checked as IPv4');
  });

  it('exit 2 for bad input: not an IP, no sender, an empty sender without --helo', async () => {
    const bad = await mxray('--resolver', stack.dohUrl, '--spf-ip', 'not-an-ip', '--', 'incl.spf-check.test');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/No IP address found/);
    expect((await mxray('--resolver', stack.dohUrl, '--spf-ip', '203.0.113.5')).code).toBe(2);
    const noHelo = await mxray('--resolver', stack.dohUrl, '--spf-ip', '203.0.113.5', '--', '');
    expect(noHelo.code).toBe(2);
    expect(noHelo.stderr).toMatch(/--helo/);
  });
});
