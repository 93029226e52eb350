/**
 * Issue #16, section 4: a hostile resolver as a test corpus. The fault server's `/corpus/<n>`
 * (test/stack/fault-corpus.ts) answers every question with generated response n: counts that
 * lie, 65,535 answers claimed, names over 255 bytes, TXT with thousands of strings, records of
 * the wrong type, class or owner, answers for another question, huge and negative TTLs,
 * compression pointers, lying RDLENGTHs, contradictory and unassigned rcodes, flipped and cut
 * bytes, CNAME loops and chains of 50, and for JSON clients out-of-range preferences, TTLs and
 * Status and broken shapes. At least 10,000 responses are served; every lookup must end in a
 * finished report that says something in sentences, within its time bound, with no unhandled
 * rejection and bounded memory.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { lookupMail } from '../../src/core/lookup/lookup-mail';
import { parseQuery } from '../../src/core/query';
import type { Report } from '../../src/core/report';
import { CORPUS_CLASSES } from '../stack/fault-corpus';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());

const LOOKUPS = Number(process.env.MXRAY_CORPUS_LOOKUPS ?? 1_400);
const MIN_RESPONSES = 10_000;
const TIMEOUT_MS = 3_000;
/** A lookup asks at most four rounds plus CNAME chasing: none may take longer than this. */
const LOOKUP_BOUND_MS = 20_000;
const CONCURRENCY = 12;
const NAMES = ['corpus.test', 'user@corpus.test', 'mail.corpus.test', '192.0.2.7'];

/** What a person reads: every finding and error is a sentence, with no leaked internals. */
function unclear(report: Report): string[] {
  const texts = [...report.findings.map((f) => f.message), ...report.errors.map((e) => e.message)];
  const problems: string[] = [];
  if (texts.length === 0) problems.push('no finding and no error');
  for (const text of texts) {
    if (text.length < 15 || !/[.)\]"]$/.test(text.trim())) problems.push(`not a sentence: ${text.slice(0, 120)}`);
    if (/undefined|NaN|\[object Object\]|TypeError|RangeError|at .*\.ts:\d+/.test(text)) problems.push(`internals: ${text.slice(0, 160)}`);
  }
  return problems;
}

describe(`a hostile resolver: ${LOOKUPS} lookups, each question answered by generated response n`, () => {
  it(`ends every lookup in a finished report with clear sentences, serving at least ${MIN_RESPONSES} responses`, async () => {
    let rejections = 0;
    const onRejection = () => rejections++;
    process.on('unhandledRejection', onRejection);
    const started = performance.now();
    let responses = 0;
    let slowest = 0;
    let peakHeap = 0;
    const failures: string[] = [];
    const classesSeen = new Set<number>();
    let next = 0;
    const worker = async () => {
      while (next < LOOKUPS) {
        const n = next++;
        // One in five lookups speaks the JSON API, where the corpus sends JSON classes.
        const json = n % 5 === 4;
        const url = `${stack.faultUrl}/corpus/${n}/${json ? 'resolve' : 'dns-query'}`;
        const client = new DohClient({ providers: [customProvider(url, json ? 'json' : 'wire')], fetch: trusted.fetch, timeoutMs: TIMEOUT_MS });
        const t0 = performance.now();
        const report = await lookupMail(parseQuery(NAMES[n % NAMES.length]!), client, {
          diagnostics: n % 7 === 0 ? { blocklists: false, dkimSelectors: [] } : undefined,
        });
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        responses += client.stats.requests;
        classesSeen.add(n % CORPUS_CLASSES);
        if (report.status !== 'done') failures.push(`#${n}: status ${report.status}`);
        if (ms > LOOKUP_BOUND_MS) failures.push(`#${n}: took ${Math.round(ms)} ms`);
        for (const problem of unclear(report)) failures.push(`#${n}: ${problem}`);
        JSON.stringify(report);
        if (n % 200 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('unhandledRejection', onRejection);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `corpus: ${LOOKUPS} lookups, ${responses} DoH responses, ${classesSeen.size} classes, ${seconds.toFixed(1)} s, slowest lookup ${Math.round(slowest)} ms, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MB, ${rejections} unhandled rejections`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(rejections).toBe(0);
    expect(responses).toBeGreaterThanOrEqual(LOOKUPS >= 1_400 ? MIN_RESPONSES : 0);
    expect(peakHeap).toBeLessThan(1_024 * 2 ** 20);
  }, 900_000);
});
