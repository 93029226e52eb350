/**
 * The CLI against a hostile resolver or zone (issue 12, section 7): each case ends in a clear
 * sentence, in bounded memory. Peak RSS of the child process is printed for the record and
 * checked against a generous bound (an unbounded read of the endless body grew past 1.9 GB).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import type { Report } from '../../src/core/report';
import '../stack/stack-info';

const stack = inject('stack');
const bin = fileURLToPath(new URL('../../bin/mxray.js', import.meta.url));
const rssProbe = fileURLToPath(new URL('../support/print-peak-rss.cjs', import.meta.url));
/** Node and the CLI alone take ~60-90 MB; a body read whole would take far more. */
const MAX_PEAK_RSS_MB = 250;

function mxray(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; peakMb: number }> {
  if (!existsSync(new URL('../../dist/cli/mxray.mjs', import.meta.url))) throw new Error('dist/cli is missing: run `npm run build`');
  return new Promise((resolve) => {
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: stack.caPath, NO_COLOR: '1' };
    execFile(process.execPath, ['--require', rssProbe, bin, ...args], { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const peakKb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr, peakMb: Math.round(peakKb / 1024) });
    });
  });
}

async function hostile(mode: string) {
  const run = await mxray('--no-fallback', '--resolver', `${stack.faultUrl}/tag/hostile-${mode}/${mode}/dns-query`, 'one-mx.test');
  console.log(`hostile resolver /${mode}: exit ${run.code}, peak RSS ${run.peakMb} MB`);
  return run;
}

describe('mxray against a hostile resolver', () => {
  it('stops reading an endless body at the 65,535-byte cap and says so', async () => {
    const run = await hostile('endless');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('answer larger than 65535 bytes, the most a DNS message can be');
    expect(run.peakMb).toBeLessThan(MAX_PEAK_RSS_MB);
  });

  it('refuses a 10 MB chunked body without reading it to the end', async () => {
    const run = await hostile('huge-body');
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/stopped reading after \d+ bytes/);
    expect(Number(/stopped reading after (\d+) bytes/.exec(run.stdout)![1])).toBeLessThan(200_000);
    expect(run.peakMb).toBeLessThan(MAX_PEAK_RSS_MB);
  });

  it('never follows a redirect to plain http: a resolver failure with its own sentence', async () => {
    const run = await hostile('redirect-http');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('answered with a redirect');
    expect(run.stdout).toContain('never follows');
    expect(run.peakMb).toBeLessThan(MAX_PEAK_RSS_MB);
  });

  it('gives up on a body that drips a byte at a time, at the time-out', async () => {
    const run = await mxray('--no-fallback', '--timeout', '1000', '--resolver', `${stack.faultUrl}/tag/hostile-drip/drip/dns-query`, 'one-mx.test');
    console.log(`hostile resolver /drip: exit ${run.code}, peak RSS ${run.peakMb} MB`);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('did not answer within 1000 ms');
  });

  it('says a resolver that resets connections could not be reached', async () => {
    const run = await hostile('reset');
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/Could not reach 127\.0\.0\.1:\d+ \(connection (closed|reset)\)/);
  });
});

describe('mxray against a zone with 100 MX hosts of 300 addresses each', () => {
  it('bounds the work and says what it left out', async () => {
    const run = await mxray('--no-fallback', '--json', '--resolver', stack.dohUrl, 'huge-mx.test');
    console.log(`huge-mx.test: exit ${run.code}, peak RSS ${run.peakMb} MB`);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.exchanges).toHaveLength(50);
    expect(report.exchanges[0]!.host).toBe('mx-001.huge-mx.test');
    expect(report.exchanges.every((e) => e.addresses.length <= 20)).toBe(true);
    expect(report.stats.requests).toBeLessThanOrEqual(500);
    expect(report.leftOut).toMatchObject({ mxHosts: 50, addresses: 50 * 280 });
    expect(report.leftOut!.questions).toBeGreaterThan(0);
    const bounded = report.findings.find((f) => f.code === 'lookup-bounded');
    expect(bounded?.message).toContain('left out 50 MX hosts beyond the 50 most preferred');
    // Not asked is not failed: the questions the budget held back are skipped, not errors.
    expect(report.findings.some((f) => f.code === 'ptr-lookup-failed')).toBe(false);
    expect(run.peakMb).toBeLessThan(MAX_PEAK_RSS_MB);
  });

  it('holds the same bounds for every lookup of a multi-domain run', async () => {
    const run = await mxray('--no-fallback', '--json', '--resolver', stack.dohUrl, 'huge-mx.test', 'huge-mx.test');
    console.log(`huge-mx.test twice: exit ${run.code}, peak RSS ${run.peakMb} MB`);
    const reports = JSON.parse(run.stdout) as Report[];
    expect(reports).toHaveLength(2);
    for (const report of reports) expect(report.exchanges.length).toBe(50);
    expect(run.peakMb).toBeLessThan(MAX_PEAK_RSS_MB);
  });
});
