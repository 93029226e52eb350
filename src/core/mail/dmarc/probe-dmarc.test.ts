import { describe, expect, it } from 'vitest';
import type { DnsAsk } from '../dns-ask';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { newDmarcSection, probeDmarc } from './probe-dmarc';

/** shop.example.com exists: it has an MX record. */
const SHOP: FakeRecords = { 'shop.example.com MX': ['mx.example.com'] };

async function probe(records: FakeRecords, domain = 'example.com') {
  const fake = fakeAsk(records);
  const section = newDmarcSection();
  await probeDmarc(section, { domain, ask: fake.ask });
  return { section, asked: fake.asked };
}

describe('probeDmarc', () => {
  it("finds the domain's own record", async () => {
    const { section } = await probe({ '_dmarc.example.com TXT': ['v=DMARC1; p=reject', 'unrelated text'] });
    expect(section.status).toBe('done');
    expect(section.resolved).toBe(true);
    expect(section.lookups[0]).toEqual({ domain: 'example.com', status: 'ok', records: ['v=DMARC1; p=reject'], discarded: [] });
    expect(section.policy).toMatchObject({ source: 'domain', domain: 'example.com', effective: 'reject', tag: 'p' });
  });

  it('asks the domain and all its parents at once (one round trip), longest first, with whether the domain exists', async () => {
    const { asked } = await probe({}, 'a.mail.example.com');
    expect(asked).toEqual([
      'a.mail.example.com MX',
      '_dmarc.a.mail.example.com TXT',
      '_dmarc.mail.example.com TXT',
      '_dmarc.example.com TXT',
      '_dmarc.com TXT',
    ]);
  });

  it('asks in parallel: every question is out before any answer lands', async () => {
    const inner = fakeAsk({}).ask;
    let started = 0;
    let answeredBeforeAllStarted = false;
    let landed = 0;
    const ask: DnsAsk = async (name, type, after) => {
      started++;
      await Promise.resolve();
      if (started < 5) answeredBeforeAllStarted = true;
      landed++;
      return inner(name, type, after);
    };
    await probeDmarc(newDmarcSection(), { domain: 'a.mail.example.com', ask });
    expect(answeredBeforeAllStarted).toBe(false);
    expect(landed).toBe(5);
  });

  it('applies the subdomain policy (sp=) of the organizational domain to a subdomain without a record', async () => {
    const { section } = await probe({ ...SHOP, '_dmarc.example.com TXT': ['v=DMARC1; p=reject; sp=quarantine; np=reject'] }, 'shop.example.com');
    expect(section.nameStatus).toBe('ok');
    expect(section.policy).toMatchObject({ source: 'organizational-domain', domain: 'example.com', effective: 'quarantine', tag: 'sp' });
  });

  describe('np=, for a domain that does not exist (RFC 9989 §4.7)', () => {
    it.each([
      { record: 'v=DMARC1; p=none; sp=quarantine; np=reject', exists: false, effective: 'reject', tag: 'np' },
      { record: 'v=DMARC1; p=none; sp=quarantine; np=reject', exists: true, effective: 'quarantine', tag: 'sp' },
      { record: 'v=DMARC1; p=none; sp=quarantine', exists: false, effective: 'quarantine', tag: 'sp' },
      { record: 'v=DMARC1; p=quarantine', exists: false, effective: 'quarantine', tag: 'p' },
      { record: 'v=DMARC1; p=none; np=reject', exists: true, effective: 'none', tag: 'p' },
      { record: 'v=DMARC1; p=none; np=reject; pct=0', exists: false, effective: 'reject', tag: 'np' },
    ])('$record, ghost.example.com exists: $exists -> $tag=$effective', async ({ record, exists, effective, tag }) => {
      const records = { '_dmarc.example.com TXT': [record], ...(exists ? { 'ghost.example.com MX': ['mx.example.com'] } : {}) };
      const { section } = await probe(records, 'ghost.example.com');
      expect(section.nameStatus).toBe(exists ? 'ok' : 'nxdomain');
      expect(section.policy).toMatchObject({ source: 'organizational-domain', effective, tag });
    });

    it('does not apply to the domain itself, even when a broken server calls it NXDOMAIN', async () => {
      const { section } = await probe({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; np=reject'] }, 'example.com');
      expect(section.nameStatus).toBe('nxdomain');
      expect(section.policy).toMatchObject({ source: 'domain', effective: 'none', tag: 'p' });
    });

    it('applies the np= of a public suffix domain record (psd=y)', async () => {
      const { section } = await probe({ '_dmarc.example TXT': ['v=DMARC1; p=none; np=reject; psd=y'] }, 'ghost.example');
      expect(section.policy).toMatchObject({ source: 'public-suffix-domain', effective: 'reject', tag: 'np' });
    });

    it('waits for the answer on the domain before choosing a parent policy', async () => {
      const inner = fakeAsk({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; np=reject'] }).ask;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const ask: DnsAsk = async (name, type, after) => {
        if (type === 'MX') await gate;
        return inner(name, type, after);
      };
      const section = newDmarcSection();
      const done = probeDmarc(section, { domain: 'ghost.example.com', ask });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(section.resolved).toBe(false);
      release();
      await done;
      expect(section.policy).toMatchObject({ tag: 'np', effective: 'reject' });
    });
  });

  it('never lets pct= change the policy (historic in RFC 9989)', async () => {
    for (const pct of [0, 50, 100]) {
      const { section } = await probe({ '_dmarc.example.com TXT': [`v=DMARC1; p=reject; pct=${pct}`] });
      expect(section.policy, `pct=${pct}`).toMatchObject({ effective: 'reject', tag: 'p', parsed: { tags: { pct } } });
    }
  });

  it('applies p= of the organizational domain when it has no sp=', async () => {
    const { section } = await probe({ ...SHOP, '_dmarc.example.com TXT': ['v=DMARC1; p=reject'] }, 'shop.example.com');
    expect(section.policy).toMatchObject({ effective: 'reject', tag: 'p' });
  });

  it('keeps records that look like DMARC but are discarded, and finds no policy from them', async () => {
    const { section } = await probe({ '_dmarc.example.com TXT': ['v=dmarc1; p=reject'] });
    expect(section.lookups[0]!.discarded).toEqual(['v=dmarc1; p=reject']);
    expect(section.policy).toBeUndefined();
  });

  it("resolves on the domain's own record without waiting for the parents", async () => {
    const inner = fakeAsk({ '_dmarc.shop.example.com TXT': ['v=DMARC1; p=none'] }).ask;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ask: DnsAsk = async (name, type, after) => {
      if (name !== '_dmarc.shop.example.com') await gate;
      return inner(name, type, after);
    };
    const section = newDmarcSection();
    const done = probeDmarc(section, { domain: 'shop.example.com', ask });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(section.resolved).toBe(true);
    expect(section.policy?.effective).toBe('none');
    expect(section.status).toBe('pending');
    release();
    await done;
    expect(section.status).toBe('done');
  });

  it('waits for every parent before choosing one', async () => {
    const inner = fakeAsk({ '_dmarc.example.com TXT': ['v=DMARC1; p=reject'] }).ask;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ask: DnsAsk = async (name, type, after) => {
      if (name === '_dmarc.com') await gate;
      return inner(name, type, after);
    };
    const section = newDmarcSection();
    const done = probeDmarc(section, { domain: 'shop.example.com', ask });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(section.resolved).toBe(false);
    release();
    await done;
    expect(section.policy?.domain).toBe('example.com');
  });

  describe('external report destinations (RFC 7489 §7.1)', () => {
    it('asks <policy domain>._report._dmarc.<destination> for addresses outside the organisation, chained on the record', async () => {
      const { section, asked } = await probe({
        '_dmarc.example.com TXT': [
          'v=DMARC1; p=none; rua=mailto:a@reports.vendor.example,mailto:me@example.com,mailto:b@sub.example.com; ruf=mailto:f@other.example',
        ],
        'example.com._report._dmarc.reports.vendor.example TXT': ['v=DMARC1'],
      });
      expect(asked.slice(3)).toEqual(['example.com._report._dmarc.reports.vendor.example TXT', 'example.com._report._dmarc.other.example TXT']);
      expect(section.reportAuthorizations).toEqual([
        { destination: 'reports.vendor.example', name: 'example.com._report._dmarc.reports.vendor.example', status: 'ok', authorized: true },
        { destination: 'other.example', name: 'example.com._report._dmarc.other.example', status: 'nxdomain', authorized: false },
      ]);
    });

    it('counts the chained question as a second round trip', async () => {
      const depths: number[] = [];
      const inner = fakeAsk({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; rua=mailto:a@vendor.example'] }).ask;
      const ask: DnsAsk = async (name, type, after) => {
        const answer = await inner(name, type, after);
        depths.push(answer.depth);
        return answer;
      };
      await probeDmarc(newDmarcSection(), { domain: 'example.com', ask });
      expect(depths).toEqual([1, 1, 1, 2]);
    });

    it('says nothing about a destination whose lookup failed', async () => {
      const { section } = await probe({
        '_dmarc.example.com TXT': ['v=DMARC1; p=none; rua=mailto:a@vendor.example'],
        'example.com._report._dmarc.vendor.example TXT': 'servfail',
      });
      expect(section.reportAuthorizations[0]).toEqual({ destination: 'vendor.example', name: 'example.com._report._dmarc.vendor.example', status: 'servfail' });
    });
  });

  it("chooses no policy when the domain's own lookup failed, even if a parent has one", async () => {
    const { section } = await probe({ '_dmarc.shop.example.com TXT': 'servfail', '_dmarc.example.com TXT': ['v=DMARC1; p=reject'] }, 'shop.example.com');
    expect(section.resolved).toBe(true);
    expect(section.policy).toBeUndefined();
  });

  it('marks lookups skipped once aborted, and still finishes', async () => {
    const controller = new AbortController();
    controller.abort();
    const fake = fakeAsk({});
    const section = newDmarcSection();
    await probeDmarc(section, { domain: 'example.com', ask: fake.ask, signal: controller.signal });
    expect(fake.asked).toEqual([]);
    expect(section.lookups.map((lookup) => lookup.status)).toEqual(['skipped', 'skipped']);
    expect(section.nameStatus).toBe('skipped');
    expect(section.status).toBe('done');
  });

  it('never rejects, even if an ask does', async () => {
    const section = newDmarcSection();
    await expect(probeDmarc(section, { domain: 'example.com', ask: () => Promise.reject(new Error('x')) })).resolves.toBeUndefined();
    expect(section.lookups[0]!.status).toBe('error');
    expect(section.status).toBe('done');
  });
});
