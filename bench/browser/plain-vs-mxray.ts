// Issue #24: the routing report (MX, addresses, PTR, FCrDNS) complete on screen, MXray with every
// mail check on against the 80-line lookup (plain-lookup/: the same questions, all in parallel,
// no cache, no checks, one render), in the same run, at 0 and 50 ms RTT, for each build. MXray
// runs from a warm worker in the result page (popup.html?q= in a tab) and in the toolbar popup;
// the 80-line lookup is an extension page of the same probed copy (same host permissions, same
// resolver mapping), opened in a tab. The three are interleaved run by run, builds in turn.
// The ratio is taken from document start, so the toolbar's own opening time (Chromium's, about
// 300 ms, which a page opened in a tab does not pay) stays out of it.
import { criticalPathDepth } from '../../test/stack/fault-log';
import { builtInProvider, DEFAULT_PROVIDER_ID } from '../../src/core/doh/providers';
import { median, round } from '../stats';
import type { BrowserBench } from './browser-bench';
import type { BuildLabel } from './builds';
import { PLAIN_LOOKUP_PAGE } from './probed-extension';
import { FRESH_DOMAIN, freshSample } from './popup-latency';
import { epochNow } from './resolver-front';
import { useDefaultSettings, useSettings } from './routing-vs-checks';

/**
 * five-mx.test's routing questions: the MX, the five hosts' A and AAAA (10), the PTR of their 8
 * addresses; the PTR names' forward checks are the hosts' own A/AAAA, asked once. MXray's first
 * stage asks 4 more that are not routing (TXT, DMARC; test/integration/engine-fixtures.test.ts).
 */
const ROUTING_QUESTIONS = 19;

export type Subject = 'MXray result page' | 'MXray toolbar popup' | '80-line lookup';
const SUBJECTS: readonly Subject[] = ['MXray result page', 'MXray toolbar popup', '80-line lookup'];

/** What the extension asks by default (src/core/doh/providers.ts), and so the 80-line lookup too. */
export const DEFAULT_RESOLVER_URL = builtInProvider(DEFAULT_PROVIDER_ID)!.url;

export interface RoutingSample {
  /** ms from the key press (toolbar popup) or the navigation call (tabs). */
  documentStart: number;
  routing: number;
  requests: number;
  depth: number;
}

export interface PlainRow {
  build: BuildLabel;
  subject: Subject;
  rttMs: number;
  runs: number;
  /** Medians: key/nav → routing on screen, and document start → routing on screen. */
  fromStart: number;
  fromDocument: number;
  /** fromDocument over the 80-line lookup's, same build and RTT (1 for the lookup itself). */
  ratio: number;
  requests: number;
  samples: RoutingSample[];
}

/** One run of the 80-line lookup in a new tab: ms from the navigation call. */
async function plainSample(bench: BrowserBench): Promise<RoutingSample & { questions: number }> {
  bench.cloudflare.clearLog();
  const page = await bench.browser.context.newPage();
  try {
    const startedAt = epochNow();
    await page.goto(bench.browser.url(`${PLAIN_LOOKUP_PAGE}?q=${FRESH_DOMAIN}&resolver=${encodeURIComponent(DEFAULT_RESOLVER_URL)}`));
    await page.waitForFunction(() => document.documentElement.dataset.routingOnScreenMs !== undefined);
    // An expression, not a function: the extension page's CSP allows no eval (paint-marks.ts).
    const { timeOrigin, onScreen, questions } = (await page.evaluate(
      '({ timeOrigin: performance.timeOrigin, onScreen: Number(document.documentElement.dataset.routingOnScreenMs), questions: Number(document.documentElement.dataset.questions) })',
    )) as { timeOrigin: number; onScreen: number; questions: number };
    return {
      documentStart: timeOrigin - startedAt,
      routing: timeOrigin + onScreen - startedAt,
      requests: bench.cloudflare.log.length,
      depth: criticalPathDepth(bench.cloudflare.log),
      questions,
    };
  } finally {
    await page.close();
  }
}

export async function measurePlainVsMxray(
  benches: readonly { label: BuildLabel; bench: BrowserBench }[],
  rttsMs: readonly number[],
  runs: number,
  problems: string[],
): Promise<PlainRow[]> {
  const rows: PlainRow[] = [];
  try {
    for (const { bench } of benches) await useSettings(bench, 'every check on');
    for (const rttMs of rttsMs) {
      for (const { bench } of benches) bench.setRttMs(rttMs);
      const samples = new Map<string, RoutingSample[]>();
      const add = (label: BuildLabel, subject: Subject, { documentStart, routing, requests, depth }: RoutingSample) => {
        const key = `${label} ${subject}`;
        samples.set(key, [...(samples.get(key) ?? []), { documentStart, routing, requests, depth }]);
      };
      for (let run = 0; run < runs; run++) {
        for (const { label, bench } of benches) {
          const page = await freshSample(bench, 'result page', 'warm');
          add(label, 'MXray result page', page);
          // The popup waits for as many answers as the result page just had (same settings, same build).
          add(label, 'MXray toolbar popup', await freshSample(bench, 'toolbar popup', 'warm', undefined, page.requests));
          const plain = await plainSample(bench);
          add(label, '80-line lookup', plain);
          if (plain.questions !== ROUTING_QUESTIONS || plain.requests !== ROUTING_QUESTIONS)
            problems.push(
              `80-line lookup, ${label}, ${rttMs} ms, run ${run + 1}: ${plain.questions} questions, ${plain.requests} requests, expected ${ROUTING_QUESTIONS}`,
            );
        }
      }
      for (const { label } of benches) {
        const of = (subject: Subject, pick: (s: RoutingSample) => number) => round(median((samples.get(`${label} ${subject}`) ?? []).map(pick)));
        const plainFromDocument = of('80-line lookup', (s) => s.routing - s.documentStart);
        for (const subject of SUBJECTS) {
          const fromDocument = of(subject, (s) => s.routing - s.documentStart);
          rows.push({
            build: label,
            subject,
            rttMs,
            runs,
            fromStart: of(subject, (s) => s.routing),
            fromDocument,
            ratio: round(fromDocument / plainFromDocument, 2),
            requests: of(subject, (s) => s.requests),
            samples: samples.get(`${label} ${subject}`) ?? [],
          });
        }
      }
    }
  } finally {
    for (const { bench } of benches) await useDefaultSettings(bench);
  }
  return rows;
}
