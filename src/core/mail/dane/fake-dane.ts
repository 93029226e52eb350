/** Hand-made MX handoffs and DNSSEC answers for the DANE section's unit tests (and the UI's and CLI's). */
import type { DnsName } from '../../vocabulary';
import type { AskResult, DnsAsk } from '../dns-ask';
import type { ExchangeHandoff } from '../mail-section';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { probeDane } from './probe-dane';
import { newDaneSection, type DaneSection } from './types';

export interface FakeHost {
  name: DnsName;
  /** The CNAME chain of its address answer. */
  cname?: DnsName[];
  /** The resolver set AD on its address answer. */
  signed?: boolean;
}

const answer = (name: DnsName, type: AskResult['type'], authenticated: boolean): AskResult => ({
  name,
  type,
  status: 'ok',
  values: [],
  authenticated,
  depth: 1,
});

export function fakeHandoff(hosts: readonly FakeHost[], mxAuthenticated: boolean): ExchangeHandoff {
  const mx = answer('example.com', 'MX', mxAuthenticated);
  return {
    hosts: hosts.map((host, index) => {
      const cname = host.cname ?? [];
      const target = cname.at(-1) ?? host.name;
      const resolved = { cname, target, status: 'ok' as const, authenticated: host.signed ?? false, answer: answer(host.name, 'A', host.signed ?? false) };
      return { name: host.name, preference: 10 * (index + 1), resolved: Promise.resolve(resolved) };
    }),
    mxAuthenticated,
    nullMx: false,
    implicit: false,
    mxStatus: 'ok',
    mx,
  };
}

/** `fakeAsk`, with AD set on the answers for names under `signedSuffixes`. */
export function signedAsk(records: FakeRecords, signedSuffixes: readonly string[]): { ask: DnsAsk; asked: string[] } {
  const fake = fakeAsk(records);
  const ask: DnsAsk = async (name, type, after) => {
    const result = await fake.ask(name, type, after);
    return { ...result, authenticated: signedSuffixes.some((suffix) => name === suffix || name.endsWith(`.${suffix}`)) };
  };
  return { ask, asked: fake.asked };
}

/** Probe hand-made hosts; resolves with the filled section and the questions asked. */
export async function probeFake(
  hosts: readonly FakeHost[],
  options: { mxSigned: boolean; records: FakeRecords; signed: readonly string[] },
): Promise<{ section: DaneSection; asked: string[] }> {
  const section = newDaneSection();
  const { ask, asked } = signedAsk(options.records, options.signed);
  await probeDane(section, { context: { domain: 'example.com', ask }, exchanges: Promise.resolve(fakeHandoff(hosts, options.mxSigned)) });
  return { section, asked };
}
