import { describe, expect, it } from 'vitest';
import type { AskResult, DnsAsk } from '../dns-ask';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { newSpfSection, probeSpf } from './probe-spf';
import type { SpfNode, SpfSection } from './types';

async function probe(records: FakeRecords, domain = 'example.com'): Promise<{ section: SpfSection; asked: string[] }> {
  const { ask, asked } = fakeAsk(records);
  const section = newSpfSection();
  await probeSpf(section, { domain, ask });
  return { section, asked };
}

/** The tree as `domain status lookups` lines, indented by depth: easy to compare whole. */
function shape(node: SpfNode, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${node.domain} ${node.status} ${node.lookups}`, ...node.children.flatMap((child) => shape(child, depth + 1))];
}

describe('newSpfSection', () => {
  it('starts pending with an empty root and no lookups', () => {
    expect(newSpfSection()).toEqual({
      status: 'pending',
      root: { domain: '', via: 'root', status: 'pending', txtStatus: 'pending', records: [], terms: [], errors: [], lookups: 0, checks: [], children: [] },
      lookups: 0,
      voidLookups: 0,
    });
  });
});

describe('probeSpf: finding the record (RFC 7208 §4.5)', () => {
  it('asks <domain> TXT and keeps the one v=spf1 record among other TXT records', async () => {
    const { section, asked } = await probe({ 'example.com TXT': ['google-site-verification=abc', 'v=spf1 ip4:192.0.2.0/24 -all'] });
    expect(asked).toEqual(['example.com TXT']);
    expect(section.status).toBe('done');
    expect(section.root).toMatchObject({ domain: 'example.com', status: 'ok', txtStatus: 'ok', records: ['v=spf1 ip4:192.0.2.0/24 -all'], lookups: 0 });
    expect(section.root.terms.map((term) => term.text)).toEqual(['ip4:192.0.2.0/24', '-all']);
  });

  it('says none when no TXT record is SPF, or there are no TXT records at all', async () => {
    expect((await probe({ 'example.com TXT': ['v=spf10 -all', 'hello'] })).section.root.status).toBe('none');
    expect((await probe({ 'example.com MX': ['mx.example.com'] })).section.root).toMatchObject({ status: 'none', txtStatus: 'nodata' });
  });

  it('says multiple for two v=spf1 records, and uses neither (permerror)', async () => {
    const { section, asked } = await probe({ 'example.com TXT': ['v=spf1 include:a.example -all', 'v=spf1 mx -all'] });
    expect(section.root).toMatchObject({ status: 'multiple', terms: [], children: [] });
    expect(section.root.records).toHaveLength(2);
    expect(asked).toEqual(['example.com TXT']);
  });

  it('keeps NXDOMAIN and failures apart', async () => {
    expect((await probe({})).section.root).toMatchObject({ status: 'nxdomain', txtStatus: 'nxdomain' });
    expect((await probe({ 'example.com TXT': 'servfail' })).section.root).toMatchObject({ status: 'error', txtStatus: 'servfail' });
    expect((await probe({ 'example.com TXT': 'error' })).section.root).toMatchObject({ status: 'error', txtStatus: 'error' });
  });

  it('marks a record with syntax errors, keeping its terms and errors', async () => {
    const { section } = await probe({ 'example.com TXT': ['v=spf1 ip4:300.0.0.1 -all'] });
    expect(section.root.status).toBe('syntax-error');
    expect(section.root.errors).toEqual(['"ip4:300.0.0.1": "300.0.0.1" is not an IPv4 address']);
  });
});

describe('probeSpf: the include tree', () => {
  const zone: FakeRecords = {
    'example.com TXT': ['v=spf1 a include:_spf.one.example include:_spf.two.example -all'],
    'example.com A': ['192.0.2.1'],
    '_spf.one.example TXT': ['v=spf1 include:_net.one.example ~all'],
    '_spf.two.example TXT': ['v=spf1 ip4:198.51.100.0/24 mx:two.example ~all'],
    'two.example MX': ['mx.two.example'],
    '_net.one.example TXT': ['v=spf1 ip6:2001:db8::/32 ~all'],
  };

  it('follows include: recursively into a tree, each node with its own lookups', async () => {
    const { section } = await probe(zone);
    expect(shape(section.root)).toEqual(['example.com ok 3', '  _spf.one.example ok 1', '    _net.one.example ok 0', '  _spf.two.example ok 1']);
    expect(section.root.children.map((child) => [child.via, child.term])).toEqual([
      ['include', 'include:_spf.one.example'],
      ['include', 'include:_spf.two.example'],
    ]);
    expect(section.lookups).toBe(5);
    expect(section.voidLookups).toBe(0);
  });

  it("asks each record's questions together: siblings before grandchildren", async () => {
    const { asked } = await probe(zone);
    expect(asked.slice(0, 4)).toEqual(['example.com TXT', 'example.com A', '_spf.one.example TXT', '_spf.two.example TXT']);
    expect(asked.slice(4).sort()).toEqual(['_net.one.example TXT', 'two.example MX']);
    expect(asked).toHaveLength(6);
  });

  it('passes the answer that named each question as `after`, so round trips are counted', async () => {
    const { ask } = fakeAsk(zone);
    const depths = new Map<string, number>();
    const counting: DnsAsk = async (name, type, after) => {
      const result: AskResult = await ask(name, type, after);
      depths.set(`${name} ${type}`, result.depth);
      return result;
    };
    await probeSpf(newSpfSection(), { domain: 'example.com', ask: counting });
    expect(Object.fromEntries(depths)).toEqual({
      'example.com TXT': 1,
      'example.com A': 2,
      '_spf.one.example TXT': 2,
      '_spf.two.example TXT': 2,
      '_net.one.example TXT': 3,
      'two.example MX': 3,
    });
  });

  it('lowercases include targets and drops their trailing dot', async () => {
    const { section, asked } = await probe({ 'example.com TXT': ['v=spf1 include:_SPF.One.Example. -all'], '_spf.one.example TXT': ['v=spf1 -all'] });
    expect(section.root.children[0]).toMatchObject({ domain: '_spf.one.example', status: 'ok' });
    expect(asked).toContain('_spf.one.example TXT');
  });

  it('shows the mutations as answers land: children appear pending, then fill in', async () => {
    const gate = deferred();
    const { ask } = fakeAsk(zone);
    const slow: DnsAsk = async (name, type, after) => {
      if (name === '_spf.two.example') await gate.promise;
      return ask(name, type, after);
    };
    const section = newSpfSection();
    const done = probeSpf(section, { domain: 'example.com', ask: slow });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(section.status).toBe('pending');
    expect(section.root.status).toBe('ok');
    expect(section.root.children.map((child) => child.status)).toEqual(['ok', 'pending']);
    expect(section.lookups).toBe(4);
    gate.resolve();
    await done;
    expect(section.status).toBe('done');
    expect(section.lookups).toBe(5);
  });
});

describe('probeSpf: where the walk stops', () => {
  it('stops at a loop, without asking the looping name again', async () => {
    const { section, asked } = await probe({
      'example.com TXT': ['v=spf1 include:a.example -all'],
      'a.example TXT': ['v=spf1 include:b.example -all'],
      'b.example TXT': ['v=spf1 include:A.example. -all'],
    });
    expect(shape(section.root)).toEqual(['example.com ok 1', '  a.example ok 1', '    b.example ok 1', '      a.example loop 0']);
    expect(asked.filter((question) => question === 'a.example TXT')).toHaveLength(1);
  });

  it('stops when a record includes itself, or redirects to itself', async () => {
    expect(shape((await probe({ 'example.com TXT': ['v=spf1 include:example.com -all'] })).section.root)).toEqual(['example.com ok 1', '  example.com loop 0']);
    expect(shape((await probe({ 'example.com TXT': ['v=spf1 redirect=example.com'] })).section.root)).toEqual(['example.com ok 1', '  example.com loop 0']);
  });

  it('does not follow a target with a macro (it depends on the sender), but counts the term', async () => {
    const { section, asked } = await probe({ 'example.com TXT': ['v=spf1 include:%{ir}._spf.example.com exists:%{i}.x.example.com -all'] });
    expect(section.root.children).toMatchObject([{ domain: '%{ir}._spf.example.com', status: 'macro', txtStatus: 'skipped' }]);
    expect(section.root.checks).toEqual([]);
    expect(section.lookups).toBe(2);
    expect(asked).toEqual(['example.com TXT']);
  });

  it('stops 20 levels deep', async () => {
    const zone: FakeRecords = { 'example.com TXT': ['v=spf1 include:l1.example -all'] };
    for (let level = 1; level <= 30; level += 1) zone[`l${level}.example TXT`] = [`v=spf1 include:l${level + 1}.example -all`];
    const { section, asked } = await probe(zone);
    expect(asked).toHaveLength(21);
    let node = section.root;
    for (let depth = 0; depth < 20; depth += 1) node = node.children[0]!;
    expect(node).toMatchObject({ domain: 'l20.example', status: 'ok' });
    expect(node.children[0]).toMatchObject({ domain: 'l21.example', status: 'too-deep' });
    expect(section.lookups).toBe(21);
  });

  it('stops asking once the count passes the budget, however wide the tree', async () => {
    const zone: FakeRecords = { 'example.com TXT': [`v=spf1 ${Array.from({ length: 12 }, (_, i) => `include:w${i}.example`).join(' ')} -all`] };
    for (let i = 0; i < 12; i += 1)
      zone[`w${i}.example TXT`] = [`v=spf1 ${Array.from({ length: 12 }, (_, j) => `include:w${i}-${j}.example a:h${j}.example`).join(' ')} -all`];
    const { section, asked } = await probe(zone);
    // Root (12) plus the first child's 24 passes 30: the other children's includes are not asked.
    expect(asked.length).toBeLessThanOrEqual(1 + 30);
    expect(section.lookups).toBeGreaterThan(30);
    expect(section.root.children.flatMap((child) => child.children.map((grandchild) => grandchild.status))).not.toContain('pending');
    expect(section.root.children[0]!.children.every((grandchild) => grandchild.status === 'too-deep')).toBe(true);
  });

  it('asks nothing for a 10,000-character record of includes: the count is already far past the limit', async () => {
    const record = `v=spf1 ${Array.from({ length: 500 }, (_, i) => `include:i${i}.example`).join(' ')} -all`;
    const { section, asked } = await probe({ 'example.com TXT': [record] });
    expect(asked).toEqual(['example.com TXT']);
    expect(section.lookups).toBe(500);
    expect(section.root.children).toHaveLength(500);
  });

  it('stops when aborted, leaving no node pending', async () => {
    const controller = new AbortController();
    controller.abort();
    const { ask, asked } = fakeAsk({ 'example.com TXT': ['v=spf1 -all'] });
    const section = newSpfSection();
    await probeSpf(section, { domain: 'example.com', ask, signal: controller.signal });
    expect(asked).toEqual([]);
    expect(section).toMatchObject({ status: 'done', root: { status: 'aborted', txtStatus: 'skipped' } });
  });

  it('never rejects, even when the ask does', async () => {
    const section = newSpfSection();
    await expect(probeSpf(section, { domain: 'example.com', ask: () => Promise.reject(new Error('boom')) })).resolves.toBeUndefined();
    expect(section).toMatchObject({ status: 'done', root: { status: 'error' } });
  });
});

describe('probeSpf: counting lookups (RFC 7208 §4.6.4)', () => {
  it('counts include, a, mx, ptr, exists and redirect, but not ip4, ip6, all or exp', async () => {
    const { section } = await probe({
      'example.com TXT': ['v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 a mx ptr exists:e.example.com include:i.example exp=x.example.com redirect=r.example'],
      'i.example TXT': ['v=spf1 -all'],
      'r.example TXT': ['v=spf1 -all'],
    });
    expect(section.root.lookups).toBe(6);
    expect(section.lookups).toBe(6);
  });

  it('counts and follows redirect= only when the record has no all (RFC 7208 §6.1)', async () => {
    const without = await probe({ 'example.com TXT': ['v=spf1 mx redirect=_spf.example.net'], '_spf.example.net TXT': ['v=spf1 a -all'] });
    expect(shape(without.section.root)).toEqual(['example.com ok 2', '  _spf.example.net ok 1']);
    expect(without.section.root.children[0]!.via).toBe('redirect');
    expect(without.section.lookups).toBe(3);

    const withAll = await probe({ 'example.com TXT': ['v=spf1 mx redirect=_spf.example.net ~all'], '_spf.example.net TXT': ['v=spf1 a -all'] });
    expect(shape(withAll.section.root)).toEqual(['example.com ok 1', '  _spf.example.net ignored 0']);
    expect(withAll.asked).not.toContain('_spf.example.net TXT');
    expect(withAll.section.lookups).toBe(1);
  });

  it('does not count or follow terms after all (RFC 7208 §5.1)', async () => {
    const { section, asked } = await probe({ 'example.com TXT': ['v=spf1 mx -all include:late.example a:late.example'] });
    expect(section.lookups).toBe(1);
    expect(section.root.children).toMatchObject([{ domain: 'late.example', status: 'ignored' }]);
    expect(asked).toEqual(['example.com TXT', 'example.com MX']);
  });

  it('adds up every level of the tree', async () => {
    const zone: FakeRecords = { 'example.com TXT': ['v=spf1 include:a.example include:b.example -all'] };
    zone['a.example TXT'] = ['v=spf1 include:a1.example include:a2.example include:a3.example ~all'];
    zone['b.example TXT'] = ['v=spf1 include:b1.example include:b2.example include:b3.example ~all'];
    for (const name of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3']) zone[`${name}.example TXT`] = ['v=spf1 exists:x.example ~all'];
    zone['x.example A'] = ['127.0.0.2'];
    const { section } = await probe(zone);
    expect(section.lookups).toBe(2 + 3 + 3 + 6);
  });
});

describe('probeSpf: void lookups and MX hosts (RFC 7208 §4.6.4)', () => {
  it('asks A for a and exists, MX for mx, and counts NODATA and NXDOMAIN answers as void', async () => {
    const { section, asked } = await probe({
      'example.com TXT': ['v=spf1 a:gone.example.com mx:nomx.example.com exists:e.example.com a:ok.example.com -all'],
      'nomx.example.com A': ['192.0.2.9'],
      'ok.example.com A': ['192.0.2.10'],
    });
    expect(asked.slice(1)).toEqual(['gone.example.com A', 'nomx.example.com MX', 'e.example.com A', 'ok.example.com A']);
    expect(section.root.checks).toEqual([
      { term: 'a:gone.example.com', name: 'gone.example.com', type: 'A', status: 'nxdomain' },
      { term: 'mx:nomx.example.com', name: 'nomx.example.com', type: 'MX', status: 'nodata' },
      { term: 'exists:e.example.com', name: 'e.example.com', type: 'A', status: 'nxdomain' },
      { term: 'a:ok.example.com', name: 'ok.example.com', type: 'A', status: 'ok' },
    ]);
    expect(section.voidLookups).toBe(3);
  });

  it('checks a bare a or mx against the domain of the record it is in', async () => {
    const { section } = await probe({ 'example.com TXT': ['v=spf1 include:_spf.example.net -all'], '_spf.example.net TXT': ['v=spf1 a mx ~all'] });
    expect(section.root.children[0]!.checks.map((check) => `${check.name} ${check.type} ${check.status}`)).toEqual([
      '_spf.example.net A nodata',
      '_spf.example.net MX nodata',
    ]);
    expect(section.voidLookups).toBe(2);
  });

  it('counts the MX hosts of an mx term', async () => {
    const hosts = Array.from({ length: 11 }, (_, i) => `mx${i}.example.com`);
    const { section } = await probe({ 'example.com TXT': ['v=spf1 mx -all'], 'example.com MX': hosts });
    expect(section.root.checks[0]).toMatchObject({ type: 'MX', status: 'ok', hosts: 11 });
  });

  it('keeps a failed check apart from a void one', async () => {
    const { section } = await probe({ 'example.com TXT': ['v=spf1 a:broken.example.com -all'], 'broken.example.com A': 'servfail' });
    expect(section.root.checks[0]!.status).toBe('servfail');
    expect(section.voidLookups).toBe(0);
  });
});

describe('probeSpf: include and redirect targets that fail', () => {
  it('gives each target the status of its own answer', async () => {
    const { section } = await probe({
      'example.com TXT': ['v=spf1 include:none.example include:gone.example include:broken.example include:two.example include:bad.example -all'],
      'none.example TXT': ['some other text'],
      'broken.example TXT': 'servfail',
      'two.example TXT': ['v=spf1 -all', 'v=spf1 ~all'],
      'bad.example TXT': ['v=spf1 ip4:1.2.3 -all'],
    });
    expect(section.root.children.map((child) => `${child.domain} ${child.status} ${child.txtStatus}`)).toEqual([
      'none.example none ok',
      'gone.example nxdomain nxdomain',
      'broken.example error servfail',
      'two.example multiple ok',
      'bad.example syntax-error ok',
    ]);
    expect(section.status).toBe('done');
  });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
