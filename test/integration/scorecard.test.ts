/**
 * The scorecard as `mxray --all --json` prints it (mail.scorecard: `{ id, status, summary }` per
 * standard, docs/scorecard.md), the built CLI in a child process against the DoH stack, as
 * cli.test.ts runs it. `npm run build` first.
 */
import { describe, expect, inject, it } from 'vitest';
import { runMxray, type MxrayRun } from '../support/run-mxray';
import type { Report } from '../../src/core/report';
import '../stack/stack-info';

const stack = inject('stack');

function mxray(...args: string[]): Promise<MxrayRun> {
  return runMxray(stack.caPath, args, { timeoutMs: 30_000 });
}

async function scorecardOf(domain: string): Promise<Record<string, { status: string; summary: string }>> {
  const { stdout } = await mxray('--resolver', stack.dohUrl, '--all', '--json', domain);
  const report = JSON.parse(stdout) as Report;
  const lines = report.mail!.scorecard!;
  for (const line of lines) expect(Object.keys(line).sort()).toEqual(['id', 'status', 'summary']);
  expect(lines.map((line) => line.id)).toEqual(['mx', 'spf', 'dkim', 'dmarc', 'dnssec', 'dane', 'mtaSts', 'tlsRpt', 'ipv6', 'resilience']);
  return Object.fromEntries(lines.map(({ id, status, summary }) => [id, { status, summary }]));
}

describe('mxray --all --json: mail.scorecard', () => {
  it('card.signed.test passes every line the CLI can check (its MTA-STS policy host is not served here)', async () => {
    const card = await scorecardOf('card.signed.test');
    for (const id of ['mx', 'spf', 'dkim', 'dmarc', 'dnssec', 'tlsRpt', 'ipv6', 'resilience']) expect(card[id], id).toMatchObject({ status: 'pass' });
    expect(card['dmarc']!.summary).toBe('p=reject');
    expect(card['ipv6']!.summary).toBe('All 2 MX hosts have an IPv6 address');
    // DANE passes once the DANE section is registered; until then it is "not checked", never a fail.
    expect(['pass', 'not-checked']).toContain(card['dane']!.status);
    // The CLI fetches https://mta-sts.card.signed.test/ through the system's DNS, which does not know it.
    expect(card['mtaSts']!.status).toBe('warn');
  });

  it('spf-too-many.test fails several lines: SPF over 10 lookups, no DMARC, no DKIM, not signed', async () => {
    const card = await scorecardOf('spf-too-many.test');
    expect(card['spf']!.status).toBe('fail');
    expect(card['dmarc']).toEqual({ status: 'fail', summary: 'No DMARC record' });
    expect(card['dkim']!.status).toBe('fail');
    expect(card['dnssec']!.status).toBe('fail');
    expect(card['mx']!.status).toBe('pass');
  });

  it('prints the same lines as a Scorecard block in mxray --all', async () => {
    const { stdout } = await mxray('--resolver', stack.dohUrl, '--all', 'spf-too-many.test');
    expect(stdout).toMatch(/^Scorecard$/m);
    expect(stdout).toMatch(/^ {2}fail\s+DMARC\s+No DMARC record$/m);
  });

  it('mxray --bulk --all --output ndjson: scorecard and scorecardWorst on each row', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(await mkdtemp(join(tmpdir(), 'mxray-card-')), 'list.txt');
    await writeFile(file, 'card.signed.test\nspf-too-many.test\n');
    const { stdout } = await mxray('--resolver', stack.dohUrl, '--bulk', file, '--all', '--output', 'ndjson');
    const rows = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { domain: string; scorecardWorst?: string; scorecard?: Record<string, string> });
    const bad = rows.find((row) => row.domain === 'spf-too-many.test')!;
    expect(bad.scorecardWorst).toBe('fail');
    expect(bad.scorecard).toMatchObject({ spf: 'fail', dmarc: 'fail' });
  });
});
