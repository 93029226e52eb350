/**
 * The CLI side of issue #17, as a person runs it (built bundle, child process, loopback stack):
 * the network beside each address, the Resilience line, `--json` with `asn` on each address,
 * and `--no-asn`.
 */
import { describe, expect, inject, it } from 'vitest';
import { runMxray, type MxrayRun } from '../support/run-mxray';
import type { Report } from '../../src/core/report';
import '../stack/stack-info';

const stack = inject('stack');

function mxray(...args: string[]): Promise<MxrayRun> {
  return runMxray(stack.caPath, ['--resolver', stack.dohUrl, ...args], { timeoutMs: 30_000 });
}

describe('mxray: networks and resilience', () => {
  it('shows AS, prefix and country beside each address, and the Resilience line', async () => {
    const { code, stdout } = await mxray('spread.test');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PREF\s+MAIL SERVER\s+TTL\s+ADDRESS\s+NETWORK\s+PTR\s+FCrDNS$/m);
    expect(stdout).toMatch(/^10\s+mx1\.spread\.test\s+300\s+192\.0\.2\.188\s+AS64500 EXAMPLE-NET-A · 192\.0\.2\.128\/25 · DE\s+mx1\.spread\.test\s+pass$/m);
    expect(stdout).toMatch(/^20\s+mx2\.spread\.test\s+300\s+198\.51\.100\.183\s+AS64501 EXAMPLE-NET-B · 198\.51\.100\.0\/24 · NL/m);
    expect(stdout).toContain('Resilience  2 networks, 2 countries, backup ready');
    expect(stdout).toContain('  ok     The MX hosts are spread over 2 networks (AS64500 and AS64501) in 2 countries (DE and NL)');
    expect(stdout).toContain(
      '  info   mx1.spread.test (10) takes all the mail while it answers; mx2.spread.test (20) is used only when mx1.spread.test is down.',
    );
  });

  it('words the nolisting and the single-network cases', async () => {
    const [nolisting, single] = await Promise.all([mxray('nolisting.test'), mxray('one-network.test')]);
    expect(nolisting.stdout).toContain('Resilience  1 network, 1 country, first MX does not answer (nolisting?)');
    expect(nolisting.stdout).toMatch(
      /warn {3}The first MX, mx0\.nolisting\.test \(preference 10\), has no IPv4 or IPv6 address, while mx\.nolisting\.test \(20\) answers\. This looks like nolisting or like a broken primary\./,
    );
    expect(single.stdout).toContain('Resilience  1 network, 1 country, backup on the same network');
    expect(single.stdout).toMatch(
      /warn {3}Every MX host \(mx1\.one-network\.test and mx2\.one-network\.test\) is in one network, 192\.0\.2\.0\/24, in AS64500/,
    );
  });

  it('--json: the network sits on each address, the resilience on the report', async () => {
    const { stdout } = await mxray('--json', 'nolisting.test');
    const report = JSON.parse(stdout) as Report;
    const mx = report.exchanges.find((e) => e.host === 'mx.nolisting.test')!;
    expect(mx.addresses[0]!.asn).toEqual({
      status: 'ok',
      number: 64500,
      name: 'EXAMPLE-NET-A - Example Networks A, DE',
      prefix: '192.0.2.0/24',
      country: 'DE',
      registry: 'ripencc',
      allocated: '2003-05-08',
    });
    expect(report.resilience).toMatchObject({
      status: 'done',
      summary: '1 network, 1 country, first MX does not answer (nolisting?)',
      networks: 1,
      countries: 1,
      asnOff: false,
    });
    expect(report.findings.map((f) => f.code)).toContain('mx-nolisting');
  });

  it('--no-asn asks nothing of asn.cymru.com and drops the column', async () => {
    const [on, off] = await Promise.all([mxray('--json', 'spread.test'), mxray('--json', '--no-asn', 'spread.test')]);
    const reportOff = JSON.parse(off.stdout) as Report;
    const reportOn = JSON.parse(on.stdout) as Report;
    expect(reportOff.exchanges.flatMap((e) => e.addresses).every((a) => a.asn === undefined)).toBe(true);
    expect(reportOff.resilience).toMatchObject({ asnOff: true, summary: '2 address blocks, backup ready' });
    // Two origins and two AS names fewer; the routing's round trips the same.
    expect(reportOn.stats.requests - reportOff.stats.requests).toBe(4);
    expect(reportOn.stats.roundTrips).toBe(reportOff.stats.roundTrips);
    const text = await mxray('--no-asn', 'spread.test');
    expect(text.stdout).not.toContain('NETWORK');
    expect(text.stdout).toContain('Resilience  2 address blocks, backup ready');
  });
});
