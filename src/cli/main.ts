/**
 * `mxray`: the same engine as the extension, in a terminal. Exit status: 0 answered,
 * 1 answered with error findings, 2 bad input or no resolver reachable.
 */
import { AnswerCache } from '../core/doh/answer-cache';
import { DohClient } from '../core/doh/doh-client';
import { InvalidResolverUrl, providerChain, resolveProvider } from '../core/doh/providers';
import { lookupMail } from '../core/lookup/lookup-mail';
import { tryParseQuery } from '../core/query/parse-query';
import type { Report } from '../core/report';
import { parseCliOptions, USAGE } from './cli-options';
import { formatReport } from './format-report';
import { terminalSafe } from './terminal-safe';

declare const MXRAY_VERSION: string;

export interface CliIo {
  argv: string[];
  env: Record<string, string | undefined>;
  isTty: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  fetch?: typeof fetch;
}

export async function main(io: CliIo): Promise<number> {
  const options = parseCliOptions(io.argv, io.env, io.isTty);
  if ('error' in options) {
    io.err(`mxray: ${options.error}\n\n${USAGE}`);
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
  try {
    const primary = resolveProvider(options.resolver, options.format);
    const init: ConstructorParameters<typeof DohClient>[0] = { providers: providerChain(primary, options.fallback), timeoutMs: options.timeoutMs, cache: new AnswerCache() };
    if (io.fetch) init.fetch = io.fetch;
    client = new DohClient(init);
  } catch (error) {
    if (!(error instanceof InvalidResolverUrl)) throw error;
    io.err(`mxray: ${error.message}`);
    return 2;
  }
  const resolverName = (id: string) => client.providers.find((p) => p.id === id)?.name ?? id;

  let status = 0;
  const reports: Report[] = [];
  for (const input of options.queries) {
    const parsed = tryParseQuery(input);
    if (!parsed.ok) {
      io.err(`mxray: ${terminalSafe(parsed.error.message)}`);
      status = 2;
      continue;
    }
    const report = await lookupMail(parsed.query, client, { ptr: options.ptr, fcrdns: options.fcrdns });
    reports.push(report);
    if (!options.json) {
      if (reports.length > 1) io.out('');
      io.out(formatReport(report, { color: options.color, resolverName }));
    }
    status = Math.max(status, exitStatusOf(report));
  }
  if (options.json) io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  return status;
}

/** 2 when the main question got no answer from any resolver; 1 when the answer has errors. */
export function exitStatusOf(report: Report): number {
  const main = report.query.kind === 'ip' ? report.ptr?.ptrStatus : report.mxStatus;
  if (main === 'error') return 2;
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
