import { describe, expect, it } from 'vitest';
import type { AskResult, DnsAsk } from '../dns-ask';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { BLOCKLISTS } from './blocklist-table';
import { MAX_BLOCKLIST_ADDRESSES, newBlocklistSection, probeBlocklists, type BlocklistAddress } from './probe-blocklists';
import type { BlocklistSection } from './types';

const context = (ask: DnsAsk, signal?: AbortSignal) => ({ domain: 'example.com', ask, ...(signal ? { signal } : {}) });
const v4 = (ip: string, host = 'mx.example.com'): BlocklistAddress => ({ ip, family: 4, host });
const v6 = (ip: string, host = 'mx.example.com'): BlocklistAddress => ({ ip, family: 6, host });
const stateOf = (section: BlocklistSection, ip: string, list: string) => section.targets.find((t) => t.ip === ip)!.results.find((r) => r.list === list)!;

async function probe(records: FakeRecords, addresses: BlocklistAddress[]) {
  const fake = fakeAsk(records);
  const section = newBlocklistSection();
  await probeBlocklists(section, context(fake.ask), addresses);
  return { section, asked: fake.asked };
}

describe('newBlocklistSection', () => {
  it('starts pending, naming every list it will ask', () => {
    const section = newBlocklistSection();
    expect(section).toMatchObject({ status: 'pending', targets: [], omitted: [] });
    expect(section.lists.map((list) => list.zone)).toEqual(BLOCKLISTS.map((list) => list.zone));
    expect(section.lists[0]).toEqual({ id: 'spamhaus-zen', name: 'Spamhaus ZEN', zone: 'zen.spamhaus.org', ipv6: true, url: 'https://check.spamhaus.org/' });
  });
});

describe('probeBlocklists', () => {
  it('asks each list about each IPv4 address by its reversed octets', async () => {
    const { section, asked } = await probe({}, [v4('192.0.2.1')]);
    expect(asked).toEqual(BLOCKLISTS.map((list) => `1.2.0.192.${list.zone} A`));
    expect(section.status).toBe('done');
    expect(section.targets[0]!.results.every((result) => result.state === 'not-listed')).toBe(true);
  });

  it('reads listings, refusals (127.255.255.254), bad answers and failures per list', async () => {
    const { section } = await probe(
      {
        '170.2.0.192.zen.spamhaus.org A': ['127.0.0.2'],
        '170.2.0.192.bl.spamcop.net A': ['127.0.0.2'],
        '170.2.0.192.psbl.surriel.com A': ['198.51.100.7'],
        '170.2.0.192.b.barracudacentral.org A': 'servfail',
        '11.2.0.192.zen.spamhaus.org A': ['127.255.255.254'],
      },
      [v4('192.0.2.170', 'mx.listed.test'), v4('192.0.2.11', 'mx1.five-mx.test')],
    );
    expect(stateOf(section, '192.0.2.170', 'spamhaus-zen')).toMatchObject({
      state: 'listed',
      codes: ['127.0.0.2'],
      labels: ['SBL'],
      severity: 'error',
      query: '170.2.0.192.zen.spamhaus.org',
    });
    expect(stateOf(section, '192.0.2.170', 'spamcop')).toMatchObject({ state: 'listed', severity: 'error' });
    expect(stateOf(section, '192.0.2.170', 'psbl')).toMatchObject({ state: 'bad-answer', codes: ['198.51.100.7'] });
    expect(stateOf(section, '192.0.2.170', 'barracuda')).toMatchObject({ state: 'error', status: 'servfail' });
    expect(stateOf(section, '192.0.2.11', 'spamhaus-zen')).toMatchObject({ state: 'refused', codes: ['127.255.255.254'] });
    expect(stateOf(section, '192.0.2.11', 'spamhaus-zen').severity).toBeUndefined();
    expect(stateOf(section, '192.0.2.11', 'spamcop').state).toBe('not-listed');
  });

  it('asks IPv6 addresses by reversed nibbles, only of lists that cover IPv6', async () => {
    const nibbles = '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2';
    const { section, asked } = await probe({ [`${nibbles}.zen.spamhaus.org A`]: ['127.0.0.3'] }, [v6('2001:db8::1')]);
    const ipv6Lists = BLOCKLISTS.filter((list) => list.ipv6);
    expect(asked).toEqual(ipv6Lists.map((list) => `${nibbles}.${list.zone} A`));
    expect(stateOf(section, '2001:db8::1', 'spamhaus-zen')).toMatchObject({ state: 'listed', labels: ['CSS'] });
    expect(stateOf(section, '2001:db8::1', 'spamcop')).toMatchObject({ state: 'not-checked', notChecked: 'ipv4-only-list' });
    expect(stateOf(section, '2001:db8::1', 'spamcop').query).toBeUndefined();
  });

  it('asks every question before any answer is needed (one round trip, in parallel)', async () => {
    const asked: string[] = [];
    const release: Array<() => void> = [];
    const ask: DnsAsk = (name, type) => {
      asked.push(`${name} ${type}`);
      return new Promise<AskResult>((resolve) => release.push(() => resolve({ name, type, status: 'nxdomain', values: [], authenticated: false, depth: 1 })));
    };
    const section = newBlocklistSection();
    const done = probeBlocklists(section, context(ask), [v4('192.0.2.1'), v4('192.0.2.2', 'mx2.example.com'), v6('2001:db8::1')]);
    // Nothing has been answered, yet every question is out.
    const expected = 2 * BLOCKLISTS.length + BLOCKLISTS.filter((list) => list.ipv6).length;
    expect(asked).toHaveLength(expected);
    expect(section.status).toBe('pending');
    expect(section.targets.flatMap((t) => t.results).filter((r) => r.state === 'pending')).toHaveLength(expected);
    release.forEach((answer) => answer());
    await done;
    expect(section.status).toBe('done');
  });

  it('writes each answer into the section as it lands', async () => {
    const release: Array<() => void> = [];
    const ask: DnsAsk = (name, type) =>
      new Promise<AskResult>((resolve) => release.push(() => resolve({ name, type, status: 'ok', values: ['127.0.0.2'], authenticated: false, depth: 1 })));
    const section = newBlocklistSection();
    const done = probeBlocklists(section, context(ask), [v4('192.0.2.1')]);
    release[0]!();
    await Promise.resolve();
    await Promise.resolve();
    expect(section.targets[0]!.results[0]!.state).toBe('listed');
    expect(section.targets[0]!.results[1]!.state).toBe('pending');
    release.slice(1).forEach((answer) => answer());
    await done;
  });

  it('asks once for an address shared by two hosts, naming both', async () => {
    const { section, asked } = await probe({}, [v4('192.0.2.1', 'mx1.example.com'), v4('192.0.2.1', 'mx2.example.com')]);
    expect(asked).toHaveLength(BLOCKLISTS.length);
    expect(section.targets).toHaveLength(1);
    expect(section.targets[0]!.hosts).toEqual(['mx1.example.com', 'mx2.example.com']);
  });

  it("does not ask about private or loopback addresses (127.0.0.2 is every list's test entry)", async () => {
    const { section, asked } = await probe({}, [v4('10.0.0.25'), v4('127.0.0.2'), v6('fd00::1'), v4('not-an-ip')]);
    expect(asked).toEqual([]);
    expect(section.targets.map((t) => [t.ip, t.range, t.results[0]!.notChecked])).toEqual([
      ['10.0.0.25', 'private', 'special-address'],
      ['127.0.0.2', 'loopback', 'special-address'],
      ['fd00::1', 'unique-local', 'special-address'],
      ['not-an-ip', undefined, 'not-an-address'],
    ]);
    expect(section.status).toBe('done');
  });

  it(`checks at most ${MAX_BLOCKLIST_ADDRESSES} addresses and says which it left out`, async () => {
    const many = Array.from({ length: MAX_BLOCKLIST_ADDRESSES + 2 }, (_, i) => v4(`198.51.100.${i + 1}`));
    const { section, asked } = await probe({}, many);
    expect(section.targets).toHaveLength(MAX_BLOCKLIST_ADDRESSES);
    expect(section.omitted).toEqual([`198.51.100.${MAX_BLOCKLIST_ADDRESSES + 1}`, `198.51.100.${MAX_BLOCKLIST_ADDRESSES + 2}`]);
    expect(asked).toHaveLength(MAX_BLOCKLIST_ADDRESSES * BLOCKLISTS.length);
  });

  it('finishes at once with nothing to check', async () => {
    const { section, asked } = await probe({}, []);
    expect(asked).toEqual([]);
    expect(section).toMatchObject({ status: 'done', targets: [] });
  });

  it('asks nothing once the lookup is aborted, and still finishes', async () => {
    const fake = fakeAsk({});
    const section = newBlocklistSection();
    const controller = new AbortController();
    controller.abort();
    await probeBlocklists(section, context(fake.ask, controller.signal), [v4('192.0.2.1')]);
    expect(fake.asked).toEqual([]);
    expect(section.status).toBe('done');
    expect(section.targets[0]!.results[0]).toMatchObject({ state: 'error', error: { code: 'aborted' } });
  });

  it('never rejects, even when asking throws or rejects', async () => {
    let calls = 0;
    const ask: DnsAsk = () => {
      calls += 1;
      if (calls % 2 === 0) throw new Error('boom');
      return Promise.reject(new Error('bang'));
    };
    const section = newBlocklistSection();
    await expect(probeBlocklists(section, context(ask), [v4('192.0.2.1')])).resolves.toBeUndefined();
    expect(section.status).toBe('done');
    expect(section.targets[0]!.results.every((r) => r.state === 'error' && r.error?.code === 'internal-error')).toBe(true);
  });
});
