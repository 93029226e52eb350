/**
 * Ask each MX host's TLSA records, `_25._tcp.<host> TLSA` (RFC 7672 §3), with the AD bit read as
 * the DNSSEC section reads it. One question per host, asked the moment the host's address answer
 * is in (it tells whether the host is an alias); a second one only for a signed alias without
 * TLSA at its target. Never rejects.
 */
import type { DnsName } from '../../vocabulary';
import type { AskResult } from '../dns-ask';
import type { ExchangeHandoff, ExchangeHost, SectionRun } from '../mail-section';
import type { ProbeContext } from '../probe-context';
import { tlsaRecordsOf } from './read-tlsa';
import { daneStatus, rolloverReady } from './tlsa-checks';
import { newDaneSection, type DaneHost, type DaneLookup, type DaneSection, type TlsaRecord } from './types';

export { newDaneSection };

/** Fill `section` host by host; resolves when every host is answered. */
export async function probeDane(section: DaneSection, run: Pick<SectionRun, 'context' | 'exchanges'>): Promise<void> {
  try {
    await probeHosts(section, run);
  } catch {
    // Never rejects (mail-section.ts): a host this probe could not finish was not looked up.
    for (const lookup of section.lookups) if (lookup.tlsaStatus === 'pending') lookup.tlsaStatus = 'skipped';
  }
  section.status = 'done';
}

async function probeHosts(section: DaneSection, run: Pick<SectionRun, 'context' | 'exchanges'>): Promise<void> {
  const handoff = await unlessAborted(run.exchanges, run.context.signal);
  if (!handoff) return;
  const records = new Map<DnsName, TlsaRecord[]>();
  section.lookups = handoff.hosts.map((host) => ({
    host: host.name,
    base: host.name,
    tlsaStatus: 'pending',
    tlsaAuthenticated: false,
    mxAuthenticated: handoff.mxAuthenticated,
    hostSigned: false,
  }));
  await Promise.all(
    handoff.hosts.map(async (host, index) => {
      records.set(host.name, await probeHost(section.lookups[index]!, host, handoff, run.context));
      section.hosts = hostsOf(section.lookups, records);
    }),
  );
}

async function probeHost(lookup: DaneLookup, host: ExchangeHost, handoff: ExchangeHandoff, context: ProbeContext): Promise<TlsaRecord[]> {
  const resolved = await unlessAborted(host.resolved, context.signal);
  if (!resolved) {
    lookup.tlsaStatus = 'skipped';
    return [];
  }
  lookup.hostSigned = resolved.authenticated;
  let answer: AskResult | undefined;
  // RFC 7672 §2.2.3: a host that is an alias through a validated chain has its TLSA records at
  // the chain's end; when that name has none, at the name the MX record gives. An alias through
  // an unvalidated chain: only at the name the MX record gives.
  if (resolved.authenticated && resolved.cname.length > 0) {
    lookup.base = resolved.target;
    answer = await askTlsa(context, resolved.target, resolved.answer);
    if (answer && (answer.status === 'nodata' || answer.status === 'nxdomain')) {
      lookup.base = host.name;
      answer = await askTlsa(context, host.name, answer);
    }
  } else {
    answer = await askTlsa(context, host.name, handoff.mx);
  }
  if (!answer) {
    lookup.tlsaStatus = 'skipped';
    return [];
  }
  lookup.tlsaStatus = answer.status;
  lookup.tlsaAuthenticated = answer.authenticated;
  // A failed address answer says nothing about the zone; a validated TLSA answer does.
  lookup.hostSigned ||= answer.authenticated;
  return tlsaRecordsOf(answer);
}

/** `undefined` once the lookup is aborted. */
async function askTlsa(context: ProbeContext, base: DnsName, after: AskResult): Promise<AskResult | undefined> {
  if (context.signal?.aborted) return undefined;
  try {
    return await context.ask(`_25._tcp.${base}`, 'TLSA', after);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      name: `_25._tcp.${base}`,
      type: 'TLSA',
      status: 'error',
      values: [],
      authenticated: false,
      depth: after.depth + 1,
      error: { code: 'internal', message },
    };
  }
}

/** What the lookup hands over, or `undefined` once it is aborted (it may then never hand it over). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (value: T | undefined) => {
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    promise.then(settle, () => settle(undefined));
  });
}

/** The hosts answered so far, in MX order, as `--json` shows them. */
function hostsOf(lookups: readonly DaneLookup[], records: ReadonlyMap<DnsName, TlsaRecord[]>): DaneHost[] {
  return lookups.flatMap((lookup) => {
    const hostRecords = records.get(lookup.host);
    if (!hostRecords) return [];
    const status = daneStatus({ ...lookup, records: hostRecords });
    return status ? [{ host: lookup.host, status, records: hostRecords, rollover: rolloverReady(hostRecords) }] : [];
  });
}
