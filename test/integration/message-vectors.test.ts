/**
 * The DKIM/ARC/SPF/DMARC test vectors (issue #22) through `explainMessage` itself, with a
 * `DnsAsk` over the real stack (dnsdist DoH in front of knotd serving test/zones/message.inc and
 * football.example.com.zone). The messages were signed by another implementation (mailauth,
 * test/fixtures/messages/generate.ts); manifest.json says what each must give. Prints a one-line
 * count of vectors and results. Then: the key, SPF and DMARC questions go out together (one round
 * trip at a simulated 50 ms RTT, counted from the fault server's log, not by the engine).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { explainMessage } from '../../src/core/message/explain-message';
import { byteString } from '../../src/core/message/parse/byte-string';
import type { MessageExplanation } from '../../src/core/message/types';
import { clientAsk } from '../../src/core/mail/spf/check-host/client-ask';
import { loadManifest, MESSAGES_DIR, mismatches } from '../fixtures/messages/check-explanation';
import { criticalPathDepth } from '../stack/fault-log';
import { readFaultLog } from '../stack/fault-log-client';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
const manifest = loadManifest();

const newClient = (url = stack.dohUrl) => new DohClient({ providers: [customProvider(url)], fetch: trusted.fetch, timeoutMs: 3_000 });
const read = (file: string) => byteString(readFileSync(join(MESSAGES_DIR, file)));
const explain = (file: string, client = newClient()) => explainMessage(read(file), { ask: clientAsk(client), now: () => Date.now() });

const seen: { file: string; explanation: MessageExplanation | null; problems: string[] }[] = [];

afterAll(() => {
  trusted.close();
  // One line for the issue's "test vectors' counts and results".
  const signatures = seen.flatMap((s) => s.explanation?.dkim ?? []);
  const count = (values: string[]) =>
    Object.entries(values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {}))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const agree = seen.filter((s) => s.explanation && s.problems.length === 0).length;
  console.log(
    `message vectors: ${seen.length} files, ${agree} as the manifest says; ${signatures.length} DKIM signatures (${count(signatures.map((s) => s.result))}); ` +
      `verdicts (${count(seen.map((s) => s.explanation?.verdictKind ?? 'threw'))}); ARC chains (${count(seen.map((s) => s.explanation?.arc.chain ?? 'threw'))})`,
  );
});

describe('explainMessage on the vectors (manifest.json), DNS from the stack', () => {
  it.each(manifest.map((entry) => [entry.file, entry] as const))('%s', async (file, entry) => {
    let explanation: MessageExplanation;
    try {
      explanation = await explain(file);
    } catch (error) {
      seen.push({ file, explanation: null, problems: [`threw ${String(error)}`] });
      throw error;
    }
    // As the CLI prints it: the plain JSON object.
    const problems = mismatches(entry, JSON.parse(JSON.stringify(explanation)));
    seen.push({ file, explanation, problems });
    expect(problems).toEqual([]);
  });

  it('never claims a DKIM pass for a body it did not hash', async () => {
    for (const entry of manifest) {
      const explanation = await explain(entry.file).catch(() => null);
      for (const sig of explanation?.dkim ?? []) if (sig.result === 'pass') expect(sig.bodyChecked, `${entry.file} ${sig.selector}`).toBe(true);
    }
  });
});

describe('the key, SPF and DMARC questions go out together', () => {
  it.each([
    ['authenticated.eml', 1],
    ['ed25519.eml', 1],
    ['forwarded-arc.eml', 1],
  ] as const)('%s: %i round trip at 50 ms RTT (from the fault server log)', async (file, depth) => {
    const tag = `message-vectors-${process.pid}-${file}`;
    const explanation = await explain(file, newClient(`${stack.faultUrl}/tag/${tag}/delay/50/dns-query`));
    const log = await readFaultLog(stack, tag);
    const questions = log.map((e) => `${e.name ?? '?'} ${e.type ?? ''}`);
    expect(explanation.dkim.length).toBeGreaterThan(0);
    expect(criticalPathDepth(log), `questions: ${questions.join(', ')}`).toBe(depth);
  });
});
