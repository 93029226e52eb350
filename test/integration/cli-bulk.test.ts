/**
 * `mxray --bulk` as a person runs it: the built bundle in a child process, a list file (or
 * stdin), against the loopback DoH stack. One fixture per verdict (test/zones/README.md).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import '../stack/stack-info';

const stack = inject('stack');
const bin = fileURLToPath(new URL('../../bin/mxray.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mxray-bulk-'));
const env = { ...process.env, NODE_EXTRA_CA_CERTS: stack.caPath, NO_COLOR: '1' };

function mxray(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, '--resolver', stack.dohUrl, '--timeout', '3000', ...args],
      { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
      },
    );
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const VERDICT_LIST = [
  'postmaster@one-mx.test',
  '"Ann Lee" <ann@one-mx.test>',
  'Ann@One-MX.test',
  'implicit.test',
  'null-mx.test',
  'bob@does-not-exist.test',
  'nodata.test',
  'no-address-mx.test',
  'servfail.test',
  'user@bücher.test',
  'this is junk',
  'bad@@x.test',
].join('\n');

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('mxray --bulk', () => {
  it('writes one NDJSON line per domain with its verdict, and the invalid entries with their reason', async () => {
    const { code, stdout, stderr } = await mxray(['--bulk', file('verdicts.txt', VERDICT_LIST), '--output', 'ndjson']);
    expect(code).toBe(1);
    expect(stderr).toBe(''); // no progress line when stderr is not a terminal
    const rows = lines(stdout);
    const invalid = rows.filter((row) => !('domain' in row));
    expect(invalid.map((row) => row.input)).toEqual(['this is junk', 'bad@@x.test']);
    expect(invalid.every((row) => typeof row.invalid === 'string' && (row.invalid as string).length > 10)).toBe(true);
    const byDomain = Object.fromEntries(rows.filter((row) => 'domain' in row).map((row) => [row.domain, row]));
    expect(
      Object.fromEntries(
        Object.entries(byDomain).map(([domain, row]) => [domain, [(row as Record<string, unknown>).verdict, (row as Record<string, unknown>).addresses]]),
      ),
    ).toEqual({
      'one-mx.test': ['accepts', 2],
      'implicit.test': ['implicit', 0],
      'null-mx.test': ['null-mx', 0],
      'does-not-exist.test': ['nxdomain', 1],
      'nodata.test': ['no-mail', 0],
      'no-address-mx.test': ['no-mail', 0],
      'servfail.test': ['failed', 0],
      'xn--bcher-kva.test': ['accepts', 1],
    });
    expect(byDomain['one-mx.test']).toMatchObject({ primaryMx: 'mx.one-mx.test', mxCount: 1 });
    expect(byDomain['xn--bcher-kva.test']).toMatchObject({ display: 'bücher.test' });
    expect(byDomain['servfail.test']!.error).toMatch(/\S/);
  });

  it('exits 0 when every domain accepts mail (MX or implicit), reading stdin for -', async () => {
    const { code, stdout } = await mxray(['--bulk', '-', '--output', 'ndjson'], 'a@one-mx.test\nimplicit.test\nfive-mx.test\n');
    expect(code).toBe(0);
    expect(
      lines(stdout)
        .map((row) => row.verdict)
        .sort(),
    ).toEqual(['accepts', 'accepts', 'implicit']);
  });

  it('exits 2 for a file that cannot be read or holds nothing to check', async () => {
    const missing = await mxray(['--bulk', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^mxray: Cannot read .*nope\.txt: there is no such file/);
    expect((await mxray(['--bulk', file('empty.txt', '\n\n')])).code).toBe(2);
    const junk = await mxray(['--bulk', file('junk.txt', 'hello there\n'), '--output', 'ndjson']);
    expect(junk.code).toBe(2);
    expect(lines(junk.stdout)).toEqual([{ input: 'hello there', invalid: expect.any(String), line: 1 }]);
    expect((await mxray(['--bulk', file('x.txt', 'one-mx.test'), '--output', 'xml'])).code).toBe(2);
    expect((await mxray(['--bulk', file('y.txt', 'one-mx.test'), '--concurrency', '0'])).code).toBe(2);
    expect((await mxray(['--output', 'csv', 'one-mx.test'])).code).toBe(2);
  });

  it('writes CSV with a header, quoted, IDN in Unicode and ASCII', async () => {
    const { code, stdout } = await mxray(['--bulk', file('csv.txt', 'user@bücher.test\nnull-mx.test'), '--output', 'csv']);
    expect(code).toBe(1);
    const rows = Papa.parse<string[]>(stdout.trim()).data;
    expect(rows[0]!.slice(0, 4)).toEqual(['domain', 'domain_ascii', 'addresses', 'verdict']);
    expect(
      rows
        .slice(1)
        .map((row) => row.slice(0, 4))
        .sort(),
    ).toEqual([
      ['bücher.test', 'xn--bcher-kva.test', '1', 'accepts'],
      ['null-mx.test', 'null-mx.test', '0', 'null-mx'],
    ]);
  });

  it('reads the chosen column of a CSV, and prints a table with a summary by default', async () => {
    const path = file('contacts.csv', '\uFEFFcompany,site\r\nAcme,one-mx.test\r\nGone,does-not-exist.test\r\n');
    const { code, stdout } = await mxray(['--bulk', path, '--column', 'site']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^DOMAIN\s+ADDR\s+VERDICT/);
    expect(stdout).toMatch(/^one-mx\.test\s+0\s+accepts mail\s+1\s+mx\.one-mx\.test/m);
    expect(stdout).toMatch(/^does-not-exist\.test\s+0\s+does not exist/m);
    expect(stdout).toContain('2 domains checked, 1 cannot receive mail');
    expect((await mxray(['--bulk', path, '--column', 'nope'])).stderr).toMatch(/columns are: company, site/);
  });

  it('prints one JSON document with --output json', async () => {
    const { code, stdout } = await mxray(['--bulk', file('j.txt', 'a@one-mx.test\nb@one-mx.test'), '--output', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      summary: { domains: 1, counts: { accepts: 1 } },
      domains: [{ domain: 'one-mx.test', addresses: 2 }],
      invalid: [],
    });
  });

  it('checks the 200 bulk fixtures, streaming lines as they finish, and stops cleanly under head', async () => {
    const list = Array.from({ length: 200 }, (_, i) => `user${i}@bulk-${String(i + 1).padStart(3, '0')}.test`).join('\n');
    const { code, stdout } = await mxray(['--bulk', file('200.txt', list), '--output', 'ndjson', '--concurrency', '16']);
    expect(code).toBe(0);
    expect(lines(stdout).filter((row) => row.verdict === 'accepts')).toHaveLength(200);
    const head = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(
        'sh',
        ['-c', `"${process.execPath}" "${bin}" --resolver ${stack.dohUrl} --bulk "${join(dir, '200.txt')}" --output ndjson | head -n 3`],
        { env },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('close', (code) => resolve({ code, out, err }));
    });
    expect(head.out.trim().split('\n')).toHaveLength(3);
    expect(head.err).toBe('');
  });
});
