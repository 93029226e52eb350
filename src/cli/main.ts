/**
 * `mxray`: the same engine as the extension, in a terminal. Exit status: 0 answered,
 * 1 answered with error findings, 2 bad input or no resolver reachable.
 */
import { AnswerCache } from '../core/doh/answer-cache';
import { DohClient } from '../core/doh/doh-client';
import { BUILT_IN_PROVIDERS, InvalidResolverUrl, providerChain, resolveProvider, type DohProvider } from '../core/doh/providers';
import { compareResolvers } from '../core/compare/compare-resolvers';
import { httpPolicyFetcher } from '../core/mail/mta-sts/http-policy-fetcher';
import { lookupMail } from '../core/lookup/lookup-mail';
import { tryParseQuery } from '../core/query/parse-query';
import type { ResolverComparison } from '../core/compare/compare-resolvers';
import type { Report } from '../core/report';
import type { CliIo } from './cli-io';
import { parseCliOptions, USAGE, type CliOptions } from './cli-options';
import { formatComparison, formatMail } from './format-mail';
import { formatReport } from './format-report';
import { invalidInputResult, type InvalidInputResult } from './invalid-input';
import { runSpfCheck } from './spf-check/run-spf-check';
import { terminalSafe } from './terminal-safe';
import { runHistory } from './history/run-history';
import { runBulkCli } from './bulk/run-bulk-cli';
import { runMessage } from './message/run-message';
import { lookupOptionsFrom, type LookupChoices } from '../shared/lookup-options-from';

declare const MXRAY_VERSION: string;

export type { CliIo } from './cli-io';

export async function main(io: CliIo): Promise<number> {
  const options = parseCliOptions(io.argv, io.env, io.isTty);
  if ('error' in options) {
    io.err(`mxray: ${terminalSafe(options.error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  if (options.version) {
    io.out(typeof MXRAY_VERSION === 'string' ? MXRAY_VERSION : 'dev');
    return 0;
  }
  let client: DohClient;
  let compared: DohProvider[] = [];
  try {
    if (options.compare) {
      const given = options.resolvers.map((resolver) => resolveProvider(resolver, options.format));
      // One resolver named: compare it with the built-in ones; several: exactly those.
      compared = given.length > 1 ? given : [given[0]!, ...BUILT_IN_PROVIDERS.filter((p) => p.url !== given[0]!.url)];
    }
    const primary = resolveProvider(options.resolver, options.format);
    const init: ConstructorParameters<typeof DohClient>[0] = {
      providers: providerChain(primary, options.fallback),
      timeoutMs: options.timeoutMs,
      cache: new AnswerCache(),
    };
    if (io.fetch) init.fetch = io.fetch;
    client = new DohClient(init);
  } catch (error) {
    if (!(error instanceof InvalidResolverUrl)) throw error;
    io.err(`mxray: ${terminalSafe(error.message)}`);
    return 2;
  }
  if (options.spfIp !== undefined)
    return runSpfCheck(
      {
        spfIp: options.spfIp,
        sender: options.queries[0]!,
        json: options.json,
        color: options.color,
        ...(options.helo === undefined ? {} : { helo: options.helo }),
      },
      client,
      io,
    );
  if (options.message !== undefined)
    return runMessage(
      { path: options.message, json: options.json, color: options.color },
      client,
      io,
      io.stdinStream ?? (process.stdin as AsyncIterable<Uint8Array>),
    );
  const fetchPolicy = httpPolicyFetcher(io.fetch ?? ((input, init) => fetch(input, init)), options.timeoutMs);
  if (options.bulk) return runBulkCli(options.bulk, client, io, lookupOptionsFrom(lookupChoices(options), 'cli-bulk', fetchPolicy));
  const resolverName = (id: string) => client.providers.find((p) => p.id === id)?.name ?? id;
  if (options.save !== undefined || options.since !== undefined)
    return runHistory(options, client, io, compared, lookupOptionsFrom(lookupChoices(options), 'cli-history', fetchPolicy));

  let status = 0;
  const reports: (Report | InvalidInputResult)[] = [];
  let printed = 0;
  for (const input of options.queries) {
    const parsed = tryParseQuery(input);
    if (!parsed.ok) {
      io.err(`mxray: ${terminalSafe(parsed.error.message)}`);
      reports.push(invalidInputResult(input, parsed.error));
      status = 2;
      continue;
    }
    const report: CliReport = await lookupMail(parsed.query, client, lookupOptionsFrom(lookupChoices(options), 'cli', fetchPolicy));
    if (options.compare && parsed.query.kind !== 'ip') {
      report.comparison = await compareResolvers(parsed.query.name, compared, { timeoutMs: options.timeoutMs, ...(io.fetch ? { fetch: io.fetch } : {}) });
    }
    reports.push(report);
    if (!options.json) {
      if (printed++ > 0) io.out('');
      io.out(formatReport(report, { color: options.color, resolverName }));
      if (report.mail) io.out(formatMail(report, options.color));
      if (report.comparison) io.out(formatComparison(report.comparison, options.color));
    }
    status = Math.max(status, exitStatusOf(report));
  }
  // One input, one object; several, an array of one entry per input, bad ones included.
  if (options.json) io.out(JSON.stringify(options.queries.length === 1 ? reports[0] : reports, null, 2));
  return status;
}

/** The JSON printed: the report, and the resolver comparison when `--compare` asked for one. */
type CliReport = Report & { comparison?: ResolverComparison };

/** The flags in the settings' shape: `--all` is the mail diagnostics' switch. */
function lookupChoices(options: CliOptions): LookupChoices {
  const { ptr, fcrdns, asn, all, blocklists, dkimSelectors } = options;
  return { ptr, fcrdns, asn, diagnostics: all, blocklists, dkimSelectors };
}

/** 2 when the main question got no answer from any resolver; 1 when the answer has errors. */
export function exitStatusOf(report: Report): number {
  const main = report.query.kind === 'ip' ? report.ptr?.ptrStatus : report.mxStatus;
  if (main === 'error') return 2;
  // REFUSED is an answer that gives nothing, as SERVFAIL is: neither may exit as a success.
  if (main === 'servfail' || main === 'refused') return 1;
  const mailErrors = Object.values(report.mail?.findings ?? {}).some((findings) => findings.some((f) => f.severity === 'error'));
  return mailErrors || report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
