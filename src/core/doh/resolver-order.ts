/**
 * Which resolver of the chain is asked first, and how a demoted one earns its place back
 * (resolver-health.ts keeps the books). A resolver that failed, timed out or was slow goes last
 * until it answers again, and every answer says which resolvers were skipped (`failures`), so
 * fallback is never silent. It is re-probed off the critical path: a copy of a question being
 * asked anyway, at background priority, whose answer only tells its health.
 */
import type { DnsQuestion } from '../dns/message';
import { ResolverError } from '../errors';
import type { ErrorInfo } from '../vocabulary';
import { AttemptFailure } from './hedged-ask';
import type { DohProvider } from './providers';
import type { ResolverHealth } from './resolver-health';

/** Healthy resolvers first in chain order, then the demoted ones; each skip is noted in `notes`. */
export function orderedProviders(providers: readonly DohProvider[], health: ResolverHealth, now: number, notes: ErrorInfo[]): DohProvider[] {
  const healthy: DohProvider[] = [];
  const demoted: DohProvider[] = [];
  for (const provider of providers) (health.demotion(provider.url) ? demoted : healthy).push(provider);
  // With no healthy resolver left, the demoted ones are the chain: nothing was skipped.
  if (healthy.length > 0) {
    for (const provider of demoted) {
      const demotion = health.demotion(provider.url)!;
      notes.push({
        code: 'resolver-skipped',
        resolver: provider.name,
        message: `${provider.name} was skipped: it failed ${Math.max(0, Math.round((now - demotion.at) / 1000))} s ago (${demotion.error.message})`,
      });
    }
  }
  return [...healthy, ...demoted];
}

/**
 * A demoted resolver is asked again off the critical path: a copy of this question, at
 * background priority, whose answer only tells its health (at most once per probe interval).
 * `probe` sends it; `onProbe` counts it (the client's `stats.probes`).
 */
export function probeDemoted(
  ordered: readonly DohProvider[],
  question: DnsQuestion,
  health: ResolverHealth,
  probe: (provider: DohProvider, question: DnsQuestion) => Promise<{ rttMs: number }>,
  onProbe: () => void,
): void {
  for (const provider of ordered.slice(1)) {
    if (!health.dueForProbe(provider.url)) continue;
    onProbe();
    probe(provider, question).then(
      ({ rttMs }) => health.answered(provider.url, rttMs),
      (thrown: unknown) => {
        const error = thrown instanceof AttemptFailure ? thrown.error : thrown;
        if (error instanceof ResolverError && error.code !== 'aborted') health.failed(provider.url, error.toJSON());
      },
    );
  }
}
