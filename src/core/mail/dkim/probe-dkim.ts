/**
 * Ask for DKIM keys under the common selectors and the user's own, all at once (one round trip):
 * `<selector>._domainkey.<domain> TXT` (RFC 6376 §3.6.2.1). The ask follows CNAMEs, so a
 * selector delegated to a mail service (`selector1` at Microsoft 365) is read where it points.
 * With them go `_domainkey.<domain>` and a made-up selector (domainkey.ts), which say whether
 * keys can exist under selectors not tried.
 */
import type { ProbeContext } from '../probe-context';
import type { AskResult } from '../dns-ask';
import { WILDCARD_PROBE_SELECTOR } from './domainkey';
import { isDkimKeyRecord, parseDkimKey } from './parse-dkim-key';
import { COMMON_DKIM_SELECTORS, MAX_EXTRA_SELECTORS, normaliseSelector } from './selectors';
import type { DkimDomainkeyProbe, DkimSection } from './types';

export function newDkimSection(): DkimSection {
  return { status: 'pending', domain: '', selectors: [], ignoredSelectors: [] };
}

/**
 * Fill `section` as answers land; resolves when every selector has its answer. Never rejects.
 * `extraSelectors`: selectors the user knows the domain signs with (e.g. from a DKIM-Signature
 * `s=`); asked first; text that is not a selector is listed in `ignoredSelectors` and not asked.
 */
export async function probeDkim(section: DkimSection, context: ProbeContext, extraSelectors: readonly string[] = []): Promise<void> {
  section.domain = context.domain;
  const wanted = new Map<string, boolean>(); // selector -> added by the user
  for (const text of extraSelectors.slice(0, MAX_EXTRA_SELECTORS)) {
    const selector = normaliseSelector(text);
    if (selector === undefined) section.ignoredSelectors.push(text);
    else wanted.set(selector, true);
  }
  for (const selector of COMMON_DKIM_SELECTORS) if (!wanted.has(selector)) wanted.set(selector, false);

  for (const [selector, added] of wanted) {
    const name = `${selector}._domainkey.${context.domain}`;
    // RFC 1035 §2.3.4: a name longer than 253 characters cannot be asked.
    if (name.length > 253) section.ignoredSelectors.push(selector);
    else section.selectors.push({ selector, name, status: 'pending', added, keys: [] });
  }

  const domainkey: DkimDomainkeyProbe = {
    name: `_domainkey.${context.domain}`,
    status: 'pending',
    wildcardName: `${WILDCARD_PROBE_SELECTOR}._domainkey.${context.domain}`,
    wildcardStatus: 'pending',
    wildcardRecords: [],
  };
  section.domainkey = domainkey;

  await Promise.all([
    ...section.selectors.map(async (result) => {
      const answer = await safeAsk(context, result.name);
      result.keys = answer.values.filter(isDkimKeyRecord).map(parseDkimKey);
      result.status = answer.status;
    }),
    safeAsk(context, domainkey.name).then((answer) => (domainkey.status = answer.status)),
    safeAsk(context, domainkey.wildcardName).then((answer) => {
      domainkey.wildcardRecords = answer.values;
      domainkey.wildcardStatus = answer.status;
    }),
  ]);
  section.status = 'done';
}

/** `skipped` once aborted; `error` if an ask ever rejects (DnsAsk never does). */
async function safeAsk(context: ProbeContext, name: string): Promise<Pick<AskResult, 'status' | 'values'>> {
  if (context.signal?.aborted) return { status: 'skipped', values: [] };
  try {
    return await context.ask(name, 'TXT');
  } catch {
    return { status: 'error', values: [] };
  }
}
