/**
 * The facts' version steps (facts-types.ts, `FACTS_VERSION`): facts read from storage or a file
 * are migrated to the current version before anything compares them, so a check made by an older
 * MXray diffs against today's without inventing changes from what it never asked.
 *
 * Version 1 (release 0.1.0) -> 2: the shape is the same; the findings of 0.2.0 include checks
 * 0.1.0 did not make. The step lists them in `notAsked`, and the diff calls them "not checked
 * before" rather than new (diff-facts.ts). Its findings were judged by 0.1.0's rules (`rules: 1`):
 * where 0.2.0 judges the same DNS otherwise, that is not a change either. A check added later is
 * one more step and one more list.
 */
import { migrate, readFail, type Read, type Shape } from '../versioned';
import { factsProblem } from './facts-check';
import { FACTS_VERSION, type MailFacts, type NotAsked } from './facts-types';

/** The finding codes facts of version 2 can hold that 0.1.0 never reported (DANE, and new DKIM, DMARC and MTA-STS rules). */
export const FIRST_ASKED_IN_2: Required<NotAsked> = {
  records: [],
  findings: [
    'dane-lookup-failed',
    'dane-no-rollover',
    'dane-none',
    'dane-not-matched',
    'dane-tlsa-ignored-records',
    'dane-tlsa-insecure',
    'dane-tlsa-unusable',
    'dane-unsigned',
    'dane-valid',
    'dane-with-mta-sts',
    'dkim-domainkey-nxdomain',
    'dkim-none-under-tried',
    'dkim-other-selectors',
    'dkim-wildcard',
    'dmarc-historic-tags',
    'mta-sts-max-age-short',
    'mta-sts-mx-pattern-stale',
    'mta-sts-policy-id-mismatch',
  ],
};

function withNotAsked(raw: Record<string, unknown>, added: Required<NotAsked>): NotAsked {
  const before = (raw.notAsked ?? {}) as NotAsked;
  const merged: NotAsked = {};
  const records = [...new Set([...(before.records ?? []), ...added.records])];
  const findings = [...new Set([...(before.findings ?? []), ...added.findings])];
  if (records.length > 0) merged.records = records;
  if (findings.length > 0) merged.findings = findings;
  return merged;
}

export const FACTS_SHAPE: Shape<MailFacts> = {
  what: 'facts of a check',
  current: FACTS_VERSION,
  steps: {
    1: (raw) => ({ ...raw, version: 2, rules: 1, notAsked: withNotAsked(raw, FIRST_ASKED_IN_2) }),
  },
  validate: (raw) => {
    const problem = factsProblem(raw);
    return problem ? readFail(problem) : { ok: true, value: raw as unknown as MailFacts };
  },
};

/** Stored or imported facts of any version -> current facts, or why not. Never throws. */
export function migrateFacts(raw: unknown): Read<MailFacts> {
  return migrate(FACTS_SHAPE, raw);
}
