/**
 * How the lookup went, in one line ("via Cloudflare · 42 ms · 3 round trips · 23 requests"),
 * and fallback in words ("Cloudflare did not answer; Google answered"), so a person always
 * knows which resolver's view of the DNS they are looking at.
 */
import { resolverName } from '../../core/routing-checks/resolver-fallback';
import type { Report } from '../../core/report';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The resolvers that answered, by name; the chosen one while nothing has answered yet. */
export function resolverNames(report: Report): string[] {
  const ids = report.answeredBy.length > 0 ? report.answeredBy : [report.resolver];
  return [...new Set(ids.map(resolverName))];
}

export function footerSummary(report: Report): string {
  const { roundTrips, requests, cacheHits } = report.stats;
  const parts = [`via ${resolverNames(report).join(', ')}`, `${report.elapsedMs} ms`, plural(roundTrips, 'round trip'), plural(requests, 'request')];
  if (cacheHits > 0) parts.push(`${cacheHits} from cache`);
  if (report.authenticated) parts.push('DNSSEC validated');
  return parts.join(' · ');
}

/** One sentence per resolver that failed, naming who answered instead. */
export function fallbackSentences(report: Report): string[] {
  const answered = new Set(report.answeredBy.map(resolverName));
  const sentences: string[] = [];
  const skipped = (code: string) => code === 'resolver-skipped';
  const failedOutright = new Set(report.resolverEvents.filter((event) => !skipped(event.error.code)).map((event) => resolverName(event.resolver)));
  for (const event of report.resolverEvents) {
    const failed = resolverName(event.resolver);
    const next = event.next ? resolverName(event.next) : undefined;
    // After a failure the client skips that resolver for a while: one sentence says both.
    if (skipped(event.error.code) && failedOutright.has(failed)) continue;
    const verb = skipped(event.error.code)
      ? 'was skipped (it failed recently)'
      : event.error.code === 'resolver-slow'
        ? 'was slow to answer'
        : 'did not answer';
    const sentence = next && answered.has(next) ? `${failed} ${verb}; ${next} answered` : `${failed} ${verb}`;
    if (!sentences.includes(sentence)) sentences.push(sentence);
  }
  return sentences;
}
