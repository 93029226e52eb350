/**
 * `mxray --save` / `--since` as a sysadmin runs them from cron: save, change the zone on the
 * real stack (a knotc transaction), look again. Exit 0 when nothing changed, 3 when something
 * did, 2 for a file that is not one.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMxray, type MxrayRun } from '../support/run-mxray';
import type { FactsFile } from '../../src/core/history/facts-file';
import { editZone, type ZoneEdit } from '../stack/zone-edit';
import '../stack/stack-info';

const stack = inject('stack');

function mxray(...args: string[]): Promise<MxrayRun> {
  return runMxray(stack.caPath, ['--resolver', stack.dohUrl, ...args], { timeoutMs: 60_000 });
}

const CHANGE: ZoneEdit[] = [
  { op: 'unset', owner: 'cli', type: 'MX', data: '20 mx2.cli' },
  { op: 'set', owner: 'cli', type: 'MX', data: '30 mx3.cli' },
  { op: 'unset', owner: 'mx1.cli', type: 'A' },
  { op: 'set', owner: 'mx1.cli', type: 'A', data: '192.0.2.107' },
  { op: 'unset', owner: 'cli', type: 'TXT' },
  { op: 'set', owner: 'cli', type: 'TXT', data: '"v=spf1 mx include:spf.one-mx.test -all"' },
  { op: 'unset', owner: '_dmarc.cli', type: 'TXT' },
  { op: 'set', owner: '_dmarc.cli', type: 'TXT', data: '"v=DMARC1; p=quarantine"' },
];
const UNDO: ZoneEdit[] = [
  { op: 'unset', owner: 'cli', type: 'MX', data: '30 mx3.cli' },
  { op: 'set', owner: 'cli', type: 'MX', data: '20 mx2.cli' },
  { op: 'unset', owner: 'mx1.cli', type: 'A' },
  { op: 'set', owner: 'mx1.cli', type: 'A', data: '192.0.2.101' },
  { op: 'unset', owner: 'cli', type: 'TXT' },
  { op: 'set', owner: 'cli', type: 'TXT', data: '"v=spf1 mx ~all"' },
  { op: 'unset', owner: '_dmarc.cli', type: 'TXT' },
  { op: 'set', owner: '_dmarc.cli', type: 'TXT', data: '"v=DMARC1; p=none"' },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mxray-cli-history-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mxray --save / --since', () => {
  it('saves facts, says nothing changed (exit 0), then names every change after the zone is edited (exit 3)', async () => {
    const file = join(dir, 'facts.json');
    const saved = await mxray('--save', file, 'cli.changes.test', 'one-mx.test');
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    const facts = JSON.parse(await readFile(file, 'utf8')) as FactsFile;
    expect(facts).toMatchObject({ format: 'mxray-facts', version: 2 });
    expect(facts.names.map((f) => f.name)).toEqual(['cli.changes.test', 'one-mx.test']);
    expect(facts.names[0]).toMatchObject({
      mx: [
        { host: 'mx1.cli.changes.test', preference: 10 },
        { host: 'mx2.cli.changes.test', preference: 20 },
      ],
      hosts: [
        { host: 'mx1.cli.changes.test', addresses: ['192.0.2.101'] },
        { host: 'mx2.cli.changes.test', addresses: ['192.0.2.102'] },
      ],
      ptr: [
        { ip: '192.0.2.101', names: ['mx1.cli.changes.test'] },
        { ip: '192.0.2.102', names: ['mx2.cli.changes.test'] },
      ],
      records: { spf: { records: ['v=spf1 mx ~all'] }, dmarc: { records: ['v=DMARC1; p=none'] }, mtaSts: { status: 'nxdomain' } },
    });

    const same = await mxray('--since', file, 'cli.changes.test', 'one-mx.test');
    expect(same.stdout).toMatch(/^cli\.changes\.test: no change since (just now|1 minute ago)/m);
    expect(same.stdout).toMatch(/^one-mx\.test: no change since/m);
    expect(same.code).toBe(0);

    await editZone(stack, 'changes.test', CHANGE);
    try {
      const changed = await mxray('--since', file, 'cli.changes.test', 'one-mx.test');
      expect(changed.code).toBe(3);
      const lines = changed.stdout.split('\n');
      expect(lines[0]).toMatch(/^cli\.changes\.test: \d+ changes since/);
      expect(changed.stdout).toContain('  - mx2.cli.changes.test (20) was removed');
      expect(changed.stdout).toContain('  - mx3.cli.changes.test (30) was added (192.0.2.105)');
      expect(changed.stdout).toContain('  - mx1.cli.changes.test moved from 192.0.2.101 to 192.0.2.107');
      expect(changed.stdout).toContain('SPF now ends in -all instead of ~all; SPF include include:spf.one-mx.test added');
      expect(changed.stdout).toContain('  - DMARC policy went from none to quarantine');
      expect(changed.stdout).toMatch(/^one-mx\.test: no change since/m);
      // With a resolver comparison: both resolvers (dnsdist and the fault server, one knotd) give the new set.
      const compared = await mxray('--resolver', `${stack.faultUrl}/dns-query`, '--compare', '--since', file, 'cli.changes.test');
      expect(compared.code).toBe(3);
      expect(compared.stdout).toMatch(/^ {2}resolvers: every resolver compared \(.+, .+\) gives the new MX set$/m);
      // All names from the file when none is given; --json for scripts.
      const json = await mxray('--since', file, '--json');
      expect(json.code).toBe(3);
      const outcomes = JSON.parse(json.stdout) as { display: string; kind: string; items: { subject: string; before: string; after: string }[] }[];
      expect(outcomes.map((o) => [o.display, o.kind])).toEqual([
        ['cli.changes.test', 'changed'],
        ['one-mx.test', 'same'],
      ]);
      expect(outcomes[0]!.items).toContainEqual(expect.objectContaining({ subject: 'DMARC', before: 'v=DMARC1; p=none', after: 'v=DMARC1; p=quarantine' }));
    } finally {
      await editZone(stack, 'changes.test', UNDO);
    }
    const back = await mxray('--since', file, 'cli.changes.test');
    expect(back.code).toBe(0);
  });

  it('is no change when only the order of the answers or their TTL differs', async () => {
    const file = join(dir, 'order.json');
    expect((await mxray('--save', file, 'cli.changes.test')).code).toBe(0);
    // The same MX set, one record re-added with another TTL (knotd then answers in another order and TTL).
    await editZone(stack, 'changes.test', [
      { op: 'unset', owner: 'cli', type: 'MX' },
      { op: 'set', owner: 'cli', type: 'MX', data: '20 mx2.cli', ttl: 60 },
      { op: 'set', owner: 'cli', type: 'MX', data: '10 mx1.cli', ttl: 60 },
      { op: 'unset', owner: 'mx1.cli', type: 'A' },
      { op: 'set', owner: 'mx1.cli', type: 'A', data: '192.0.2.101', ttl: 30 },
    ]);
    try {
      const again = await mxray('--since', file, 'cli.changes.test');
      expect(again.stdout).toMatch(/^cli\.changes\.test: no change since/m);
      expect(again.code).toBe(0);
      // A question not asked this time (reverse DNS off) is not a change either.
      const noPtr = await mxray('--no-ptr', '--since', file, 'cli.changes.test');
      expect(noPtr.stdout).toMatch(/^cli\.changes\.test: no change since/m);
      expect(noPtr.code).toBe(0);
    } finally {
      await editZone(stack, 'changes.test', [
        { op: 'unset', owner: 'cli', type: 'MX' },
        { op: 'set', owner: 'cli', type: 'MX', data: '10 mx1.cli' },
        { op: 'set', owner: 'cli', type: 'MX', data: '20 mx2.cli' },
        { op: 'unset', owner: 'mx1.cli', type: 'A' },
        { op: 'set', owner: 'mx1.cli', type: 'A', data: '192.0.2.101' },
      ]);
    }
  });

  it('exits 2 for a file that is missing, not JSON, or not a facts file, saying which', async () => {
    const missing = await mxray('--since', join(dir, 'nope.json'), 'one-mx.test');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const garbage = join(dir, 'garbage.json');
    await writeFile(garbage, '{"format": "something else"}');
    const foreign = await mxray('--since', garbage, 'one-mx.test');
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('not an MXray facts file');
    await writeFile(garbage, 'not json at all');
    expect((await mxray('--since', garbage, 'one-mx.test')).stderr).toContain('not JSON');
    expect((await mxray('--save', join(dir, 'no-such-dir', 'x.json'), 'one-mx.test')).code).toBe(2);
    expect((await mxray('--save')).code).toBe(2);
    // --json with --save: the file's content on stdout too, for scripts.
    const json = await mxray('--json', '--save', join(dir, 'j.json'), 'one-mx.test');
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'mxray-facts', names: [{ name: 'one-mx.test' }] });
  });
});
