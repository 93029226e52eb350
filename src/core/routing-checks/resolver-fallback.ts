/**
 * Fallback is never silent: when a resolver failed and another one answered, say which and why.
 * The lookup names resolvers in events as people know them ("Cloudflare"); ids and URLs are
 * turned into names too, so the message reads the same whichever it gets.
 */
import { builtInProvider } from '../doh/providers';
import type { ResolverEvent } from '../report';
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';

export function checkResolverFallback(report: ReportFacts): Finding[] {
  // With no resolver answering at all, the lookup-failed findings already say it all.
  if (report.answeredBy.length === 0) return [];
  const answered = new Set(report.answeredBy.map(resolverName));
  const groups = new Map<string, ResolverEvent>();
  for (const event of report.resolverEvents) {
    const key = `${event.resolver}\n${event.next ?? ''}\n${event.error.code}`;
    if (!groups.has(key)) groups.set(key, event);
  }
  return [...groups.values()].map(({ resolver, next, error }): Finding => {
    const name = resolverName(resolver);
    const detail = error.message.replace(/\.$/, '');
    const what = detail.includes(name) ? detail : `${name} failed: ${detail}`;
    const then = !next ? '' : answered.has(resolverName(next)) ? ` ${resolverName(next)} answered instead.` : ` MXray asked ${resolverName(next)} next.`;
    return { code: 'resolver-fallback', severity: 'info', message: `${what}.${then}`, subject: name };
  });
}

/** "Cloudflare" for a built-in provider id (or its name), the host for a custom resolver URL. */
export function resolverName(idOrName: string): string {
  const known = builtInProvider(idOrName.toLowerCase().replace(/-(json|wire)$/, ''));
  if (known) return known.name;
  if (/^https:\/\//i.test(idOrName)) {
    try {
      return new URL(idOrName).host;
    } catch {
      return idOrName;
    }
  }
  return idOrName;
}
