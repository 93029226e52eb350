/**
 * `mxray --save FILE NAME…` and `mxray --since FILE [NAME…]` (both may be given: compare, then
 * save the new facts). Every name is looked up with the mail setup records (SPF, DMARC,
 * MTA-STS, TLS-RPT, BIMI), as `--all` asks them, so a change there is seen too.
 *
 * Exit status: 2 bad input (an unreadable or foreign file, a name that is not one, a file that
 * cannot be written); else 3 when something changed; else 2 when a name could not be checked
 * (no resolver answered); else 0.
 */
import type { DohClient } from '../../core/doh/doh-client';
import type { DohProvider } from '../../core/doh/providers';
import { describeDiff } from '../../core/history/describe-diff';
import { diffFacts } from '../../core/history/diff-facts';
import { factsFile, type FactsFile } from '../../core/history/facts-file';
import { factsOf } from '../../core/history/facts-of';
import type { MailFacts } from '../../core/history/facts-types';
import { resolverAgreement } from '../../core/history/stale-resolver';
import { compareResolvers } from '../../core/compare/compare-resolvers';
import { lookupMail, type LookupOptions } from '../../core/lookup/lookup-mail';
import { tryParseQuery } from '../../core/query/parse-query';
import type { CliOptions } from '../cli-options';
import type { CliIo } from '../cli-io';
import { terminalSafe } from '../terminal-safe';
import { readFactsFile, writeFactsFile } from './facts-io';
import { formatOutcome, type NameOutcome } from './format-changes';

/** `lookup`: the options of the 'cli-history' context (src/shared/lookup-options-from.ts): the mail records always. */
export async function runHistory(options: CliOptions, client: DohClient, io: CliIo, compared: DohProvider[], lookup: LookupOptions): Promise<number> {
  let saved: FactsFile | undefined;
  if (options.since !== undefined) {
    const read = await readFactsFile(options.since);
    if (!read.ok) {
      io.err(`mxray: ${terminalSafe(read.error)}`);
      return 2;
    }
    saved = read.file;
  }
  const inputs = options.queries.length > 0 ? options.queries : (saved?.names.map((facts) => facts.name) ?? []);
  if (inputs.length === 0) {
    io.err(`mxray: ${options.since} holds no names; name the ones to check.`);
    return 2;
  }
  let badInput = false;
  let changed = false;
  let unanswered = false;
  const fresh: MailFacts[] = [];
  const outcomes: NameOutcome[] = [];
  const now = Date.now();
  for (const input of inputs) {
    const parsed = tryParseQuery(input);
    if (!parsed.ok) {
      io.err(`mxray: ${terminalSafe(parsed.error.message)}`);
      badInput = true;
      continue;
    }
    const report = await lookupMail(parsed.query, client, lookup);
    const facts = factsOf(report);
    if (facts.verdict === 'unanswered') unanswered = true;
    fresh.push(facts);
    if (!saved) {
      if (facts.verdict === 'unanswered') io.err(`mxray: ${terminalSafe(facts.display)}: no resolver answered; its facts are saved as unanswered`);
      continue;
    }
    // By name: user@example.com and example.com are the same domain's mail; an IP is only ever an IP.
    const old = saved.names.find((f) => f.name === facts.name && (f.kind === 'ip') === (facts.kind === 'ip'));
    const outcome = await compare(old, facts, options, compared, io);
    if (outcome.kind === 'changed') changed = true;
    outcomes.push(outcome);
    if (!options.json) io.out(formatOutcome(outcome, now, options.color));
  }
  if (options.json && saved) io.out(JSON.stringify(outcomes, null, 2));
  if (options.save !== undefined) {
    const file = factsFile(fresh, now);
    const problem = await writeFactsFile(options.save, file);
    if (problem) {
      io.err(`mxray: ${terminalSafe(problem)}`);
      return 2;
    }
    if (!saved)
      io.out(
        options.json
          ? JSON.stringify(file, null, 2)
          : `Saved the facts of ${fresh.map((f) => terminalSafe(f.display)).join(', ')} to ${terminalSafe(options.save)}.`,
      );
  }
  if (badInput) return 2;
  if (changed) return 3;
  return unanswered ? 2 : 0;
}

async function compare(old: MailFacts | undefined, facts: MailFacts, options: CliOptions, compared: DohProvider[], io: CliIo): Promise<NameOutcome> {
  const base = { display: facts.display, items: [], uncertain: 0 };
  if (facts.verdict === 'unanswered') return { ...base, kind: 'failed', message: 'no resolver answered the main question' };
  if (!old) return { ...base, kind: 'new' };
  const diff = diffFacts(old, facts);
  const items = describeDiff(diff, old, facts);
  const uncertain = diff.changes.filter((c) => c.uncertain).length;
  const outcome: NameOutcome = { display: facts.display, kind: items.length > 0 ? 'changed' : 'same', since: old.checkedAt, items, uncertain };
  // --compare: is an MX difference the domain's, or one resolver's?
  if (options.compare && items.length > 0 && facts.kind !== 'ip') {
    const comparison = await compareResolvers(facts.name, compared, { timeoutMs: options.timeoutMs, ...(io.fetch ? { fetch: io.fetch } : {}) });
    const agreement = resolverAgreement(old, facts, comparison);
    if (agreement) outcome.agreement = agreement;
  }
  return outcome;
}
