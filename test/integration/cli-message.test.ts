/**
 * `mxray --message FILE|- [--json]` (issue #22) as a person runs it: the built CLI in a child
 * process against the loopback DoH stack, on every vector of test/fixtures/messages (signed by
 * mailauth; manifest.json says what each must give), then on bad input: a missing file, an empty
 * one, random bytes, 50 MB of junk, a 50 MB message and 5,000 Received lines (made in a temp dir).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadManifest, MESSAGES_DIR, mismatches } from '../fixtures/messages/check-explanation';
import '../stack/stack-info';

const stack = inject('stack');
const bin = fileURLToPath(new URL('../../bin/mxray.js', import.meta.url));
const manifest = loadManifest();
const fixture = (file: string) => join(MESSAGES_DIR, file);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function mxray(args: string[], options: { stdin?: Buffer; timeoutMs?: number } = {}): Promise<Run> {
  if (!existsSync(new URL('../../dist/cli/mxray.mjs', import.meta.url))) throw new Error('dist/cli is missing: run `npm run build` (npm test does it first)');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: stack.caPath, NO_COLOR: '1' },
      timeout: options.timeoutMs ?? 30_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    // A CLI that stops reading early (bad input) closes stdin: that is not this test's failure.
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? Buffer.alloc(0));
  });
}

const explain = (file: string, ...extra: string[]) => mxray(['--resolver', stack.dohUrl, '--message', file, ...extra]);

/** A sentence for a person: some words ending in a full stop, and never a stack trace. */
function expectSentence(run: Run): void {
  const text = `${run.stdout}\n${run.stderr}`;
  expect(text.trim(), 'says something').not.toBe('');
  expect(text, 'a sentence').toMatch(/[A-Za-z][^\n]*[.!]\s*$/m);
  expect(text, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(text, 'no stack trace').not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError): /);
}

describe('mxray --message --json on the vectors (manifest.json)', () => {
  it.each(manifest.map((entry) => [entry.file, entry] as const))('%s', async (file, entry) => {
    const run = await explain(fixture(file), '--json');
    let json: unknown;
    try {
      json = JSON.parse(run.stdout);
    } catch {
      throw new Error(`${file}: stdout is not one JSON object (exit ${run.code}):\n${run.stdout.slice(0, 500)}\n${run.stderr.slice(0, 500)}`);
    }
    const problems = mismatches(entry, json);
    if (run.code !== entry.exit)
      problems.unshift(`${file}: exit status: expected ${entry.exit}, got ${run.code} (verdict ${JSON.stringify((json as { verdict?: unknown }).verdict)})`);
    expect(problems).toEqual([]);
  });
});

describe('mxray --message: stdin and text output', () => {
  it('- reads the message from stdin and gives the same answer as the file', async () => {
    const bytes = readFileSync(fixture('authenticated.eml'));
    const [fromFile, fromStdin] = await Promise.all([
      explain(fixture('authenticated.eml'), '--json'),
      mxray(['--resolver', stack.dohUrl, '--message', '-', '--json'], { stdin: bytes }),
    ]);
    expect(fromStdin.code).toBe(0);
    const strip = (text: string) => {
      const json = JSON.parse(text) as Record<string, unknown>;
      return { ...json, verdict: undefined, notes: undefined };
    };
    expect(strip(fromStdin.stdout)).toEqual(strip(fromFile.stdout));
  });

  it('a bounce pasted on stdin: exit 1, the status', async () => {
    const run = await mxray(['--resolver', stack.dohUrl, '--message', '-', '--json'], { stdin: readFileSync(fixture('smtp-line.txt')) });
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { bounce: { status: string } }).bounce.status).toBe('5.7.26');
  });

  it('text: the verdict first, the route, the authentication table (verified beside claimed)', async () => {
    const run = await explain(fixture('authenticated.eml'));
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Authenticated\b/);
    expect(lines[0]).toContain('sender.msg.test');
    for (const host of ['submit.sender.msg.test', 'mail.sender.msg.test', 'mx.receiver.msg.test', 'mailstore.receiver.msg.test'])
      expect(run.stdout).toContain(host);
    expect(run.stdout).toContain('198.51.100.220');
    expect(run.stdout).toMatch(/DKIM/);
    expect(run.stdout).toMatch(/SPF/);
    expect(run.stdout).toMatch(/DMARC/);
    expect(run.stdout).toMatch(/s2026/);
  });

  it('text: a body changed after signing says so, and that the receiver said otherwise', async () => {
    const run = await explain(fixture('body-changed.eml'));
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/^Not authenticated\b/);
    expect(run.stdout).toMatch(/body/i);
    expect(run.stdout).toMatch(/203\.0\.113\.222/);
    expect(run.stdout).toMatch(/reject/);
  });

  it('text: the ARC chain and who vouched for it', async () => {
    const run = await explain(fixture('forwarded-arc.eml'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ARC/);
    expect(run.stdout).toContain('list.msg.test');
  });

  it('text: a DMARC bounce explained', async () => {
    const run = await explain(fixture('dmarc-bounce.eml'));
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/^Bounced\b/);
    expect(run.stdout).toContain('5.7.26');
    expect(run.stdout).toContain('sender.msg.test');
    expect(run.stdout).toContain('mx.receiver.msg.test');
  });

  it('text: a hostile message cannot deceive the terminal (bidi, zero-width, escapes)', async () => {
    const run = await explain(fixture('hostile.eml'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('alerts.org.msg.test');
    // U+202E, U+202C, U+200B, U+200D are shown escaped, never as themselves; no terminal escape.
    expect(run.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200d\ufeff]/);
    expect(run.stdout.includes(String.fromCharCode(0x1b)), 'no terminal escape').toBe(false);
    const json = await explain(fixture('hostile.eml'), '--json');
    expect(json.code).toBe(1);
  });
});

describe('mxray --message: bad input ends in a sentence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mxray-message-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing file: exit 2', async () => {
    const run = await explain(join(dir, 'no-such-file.eml'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expectSentence(run);
  });

  it('an empty file: exit 2', async () => {
    const empty = join(dir, 'empty.eml');
    writeFileSync(empty, '');
    const run = await explain(empty);
    expect(run.code).toBe(2);
    expectSentence(run);
  });

  it('empty stdin: exit 2', async () => {
    const run = await mxray(['--resolver', stack.dohUrl, '--message', '-']);
    expect(run.code).toBe(2);
    expectSentence(run);
  });

  it('random bytes: exit 2', async () => {
    const noise = join(dir, 'noise.bin');
    // No line can read as a header field ("name: value"): the bytes avoid ':' and start with a NUL.
    const bytes = randomBytes(256 * 1024).map((b) => (b === 0x3a ? 0x00 : b));
    bytes[0] = 0;
    writeFileSync(noise, bytes);
    const run = await explain(noise);
    expect(run.code).toBe(2);
    expectSentence(run);
  });

  it('50 MB of junk: ends, in bounded time and memory, with a sentence and exit 2', { timeout: 120_000 }, async () => {
    const junk = join(dir, 'junk.eml');
    const line = Buffer.from('qwertyuiop asdfghjkl zxcvbnm 0123456789 lorem ipsum dolor sit amet\r\n');
    writeFileSync(junk, Buffer.concat(Array.from({ length: Math.ceil((50 * 1024 * 1024) / line.length) }, () => line)));
    const run = await mxray(['--resolver', stack.dohUrl, '--message', junk], { timeoutMs: 110_000 });
    expect(run.signal, 'ended by itself').toBeNull();
    expect(run.code).toBe(2);
    expectSentence(run);
  });

  it(
    'a 50 MB message (a real header, a huge body): ends with a sentence, exit 0 or 1, never a pass for what was not hashed',
    { timeout: 120_000 },
    async () => {
      const big = join(dir, 'big.eml');
      const message = readFileSync(fixture('authenticated.eml'));
      const split = message.indexOf('\r\n\r\n') + 4;
      const filler = Buffer.alloc(50 * 1024 * 1024, 'All work and no play makes Jack a dull boy.\r\n');
      writeFileSync(big, Buffer.concat([message.subarray(0, split), filler]));
      const run = await mxray(['--resolver', stack.dohUrl, '--message', big, '--json'], { timeoutMs: 110_000 });
      expect(run.signal, 'ended by itself').toBeNull();
      expect([0, 1]).toContain(run.code);
      const json = JSON.parse(run.stdout) as { dkim: { result: string; reason: string }[]; verdict: string };
      expect(json.verdict).toMatch(/[A-Za-z]/);
      // The body was changed (replaced), or cut at the size limit: either way it is not a pass.
      expect(json.dkim[0]?.result).not.toBe('pass');
    },
  );

  it('5,000 Received lines: ends with a sentence', { timeout: 60_000 }, async () => {
    const many = join(dir, 'many-received.eml');
    const hops = Array.from(
      { length: 5000 },
      (_, i) =>
        `Received: from relay${i}.msg.test (relay${i}.msg.test [198.51.100.${i % 250}])\r\n\tby relay${i + 1}.msg.test with ESMTP id x${i}; Mon, 07 Dec 2026 10:${String(Math.floor(i / 100) % 60).padStart(2, '0')}:00 +0000\r\n`,
    );
    const rest = 'From: a@sender.msg.test\r\nTo: carol@rcpt.msg.test\r\nSubject: loop\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\n\r\nbody\r\n';
    writeFileSync(many, `${hops.reverse().join('')}${rest}`);
    const run = await mxray(['--resolver', stack.dohUrl, '--message', many], { timeoutMs: 55_000 });
    expect(run.signal, 'ended by itself').toBeNull();
    expect(run.code).toBe(1);
    expectSentence(run);
  });

  it('--message with a domain too: exit 2', async () => {
    const run = await mxray(['--resolver', stack.dohUrl, '--message', fixture('authenticated.eml'), 'one-mx.test']);
    expect(run.code).toBe(2);
    expectSentence(run);
  });
});
