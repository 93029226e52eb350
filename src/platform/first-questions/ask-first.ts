/**
 * The page's own routing lookup (issue 24): loaded as a chunk of its own the moment the popup
 * or result page starts a lookup, it parses the name (without the public suffix list: see
 * src/core/query/registrable-domain-unknown.ts), reads the settings and the resolvers' health
 * from storage, and runs the routing plan (core/lookup/lookup-routing.ts) through the resolver
 * the person chose, each answer looked for first in the worker's session cache. Every question,
 * answer and failure goes to `observer`, which relays them to the worker.
 */
import type { QuestionObserver } from '../../core/doh/doh-client';
import { DohClient } from '../../core/doh/doh-client';
import { ResolverHealth } from '../../core/doh/resolver-health';
import { lookupRouting } from '../../core/lookup/lookup-routing';
import { tryParseQuery } from '../../core/query/parse-query';
import type { Report } from '../../core/report';
import { providersFor } from '../../shared/resolver-chain';
import type { Settings } from '../../shared/settings';
import { sessionHealthStore } from '../health-storage';
import { sessionAnswers } from '../session-answers';
import { readStoredSettings } from '../stored-settings';

/**
 * Read as this chunk loads, while the popup draws and finds its tab: the first lookup does not
 * wait for two storage round trips after it starts. Later lookups (a name typed, a setting
 * changed on the result page) read afresh.
 */
let early: { settings: Promise<Settings>; health: ResolverHealth } | undefined = {
  settings: readStoredSettings(),
  health: new ResolverHealth({ store: sessionHealthStore() }),
};

/** Resolves when the page's routing lookup is over, or at once when the page has nothing to ask (an IP, a name only the worker can judge). */
export async function askFirst(input: string, observer: QuestionObserver, signal: AbortSignal, onReport: (report: Report) => void): Promise<void> {
  const parsed = tryParseQuery(input);
  if (!parsed.ok || parsed.query.kind === 'ip') return;
  const start = early ?? { settings: readStoredSettings(), health: new ResolverHealth({ store: sessionHealthStore() }) };
  early = undefined;
  const settings = await start.settings;
  if (signal.aborted) return;
  const client = new DohClient({ providers: providersFor(settings), timeoutMs: settings.timeoutMs, health: start.health, observer });
  await lookupRouting(parsed.query, client, { ptr: settings.ptr, fcrdns: settings.ptr, signal, onUpdate: onReport, prior: sessionAnswers() });
}
