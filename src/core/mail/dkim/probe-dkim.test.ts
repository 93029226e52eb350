import { describe, expect, it } from 'vitest';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { newDkimSection, probeDkim } from './probe-dkim';
import { WILDCARD_PROBE_SELECTOR } from './domainkey';
import { COMMON_DKIM_SELECTORS } from './selectors';
import { RSA_2048_SPKI } from './testing/test-keys';

const KEY = `v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`;

describe('probeDkim', () => {
  it('asks every common selector at once, in one round trip', async () => {
    const { ask, asked } = fakeAsk({ 'google._domainkey.example.com TXT': [KEY] });
    const section = newDkimSection();
    await probeDkim(section, { domain: 'example.com', ask });
    expect(asked).toHaveLength(COMMON_DKIM_SELECTORS.length + 2);
    expect(asked[0]).toBe('google._domainkey.example.com TXT');
    expect(asked.slice(-2)).toEqual(['_domainkey.example.com TXT', `${WILDCARD_PROBE_SELECTOR}._domainkey.example.com TXT`]);
    expect(section.status).toBe('done');
    const found = section.selectors.filter((result) => result.keys.length > 0);
    expect(found.map((result) => [result.selector, result.keys[0]!.bits])).toEqual([['google', 2048]]);
  });

  it('asks the questions in parallel, not one after another', async () => {
    let inFlight = 0;
    let most = 0;
    const inner = fakeAsk({}).ask;
    const ask: typeof inner = async (name, type, after) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return inner(name, type, after);
    };
    await probeDkim(newDkimSection(), { domain: 'example.com', ask });
    expect(most).toBe(COMMON_DKIM_SELECTORS.length + 2);
  });

  it("asks the user's selectors first, normalised, and does not ask a common one twice", async () => {
    const { ask, asked } = fakeAsk({ 'custom._domainkey.example.com TXT': [KEY] });
    const section = newDkimSection();
    await probeDkim(section, { domain: 'example.com', ask }, ['Custom', 'google', 'not a selector', '<b>x</b>']);
    expect(asked.slice(0, 2)).toEqual(['custom._domainkey.example.com TXT', 'google._domainkey.example.com TXT']);
    expect(asked).toHaveLength(COMMON_DKIM_SELECTORS.length + 3);
    expect(section.selectors[0]).toMatchObject({ selector: 'custom', added: true, status: 'ok' });
    expect(section.selectors.find((result) => result.selector === 'google')!.added).toBe(true);
    expect(section.ignoredSelectors).toEqual(['not a selector', '<b>x</b>']);
  });

  it('takes at most 20 selectors from the user', async () => {
    const { ask, asked } = fakeAsk({});
    await probeDkim(
      newDkimSection(),
      { domain: 'example.com', ask },
      Array.from({ length: 50 }, (_, i) => `u${i}`),
    );
    expect(asked.filter((question) => question.startsWith('u'))).toHaveLength(20);
  });

  it('leaves out TXT records that are not keys, and keeps the answer status', async () => {
    const { ask } = fakeAsk({ 'google._domainkey.example.com TXT': ['v=spf1 -all'], 's1._domainkey.example.com TXT': 'servfail' });
    const section = newDkimSection();
    await probeDkim(section, { domain: 'example.com', ask });
    expect(section.selectors.find((result) => result.selector === 'google')).toMatchObject({ status: 'ok', keys: [] });
    expect(section.selectors.find((result) => result.selector === 's1')!.status).toBe('servfail');
    expect(section.selectors.find((result) => result.selector === 'k1')!.status).toBe('nxdomain');
  });

  it('fills the section as answers land (a snapshot mid-way shows what is known)', async () => {
    const section = newDkimSection();
    const inner = fakeAsk({ 'google._domainkey.example.com TXT': [KEY] }).ask;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ask: typeof inner = async (name, type) => {
      if (!name.startsWith('google.')) await gate;
      return inner(name, type);
    };
    const done = probeDkim(section, { domain: 'example.com', ask });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(section.status).toBe('pending');
    expect(section.selectors[0]).toMatchObject({ selector: 'google', status: 'ok' });
    expect(section.selectors[1]!.status).toBe('pending');
    release();
    await done;
    expect(section.status).toBe('done');
  });

  it('records what _domainkey and the made-up selector answered', async () => {
    const wildcard = `${WILDCARD_PROBE_SELECTOR}._domainkey.example.com`;
    const cases: [FakeRecords, string, string, string[]][] = [
      [{}, 'nxdomain', 'nxdomain', []],
      [{ '_domainkey.example.com TXT': [], 'odd._domainkey.example.com TXT': [KEY] }, 'nodata', 'nxdomain', []],
      [{ '_domainkey.example.com TXT': [], [`${wildcard} TXT`]: [KEY] }, 'nodata', 'ok', [KEY]],
      [{ '_domainkey.example.com TXT': 'servfail' }, 'servfail', 'nxdomain', []],
    ];
    for (const [records, status, wildcardStatus, wildcardRecords] of cases) {
      const section = newDkimSection();
      await probeDkim(section, { domain: 'example.com', ask: fakeAsk(records).ask });
      expect(section.domainkey).toEqual({ name: '_domainkey.example.com', status, wildcardName: wildcard, wildcardStatus, wildcardRecords });
    }
  });

  it('asks nothing once aborted, and still finishes', async () => {
    const { ask, asked } = fakeAsk({});
    const controller = new AbortController();
    controller.abort();
    const section = newDkimSection();
    await probeDkim(section, { domain: 'example.com', ask, signal: controller.signal });
    expect(asked).toEqual([]);
    expect(section.status).toBe('done');
    expect(section.selectors.every((result) => result.status === 'skipped')).toBe(true);
    expect(section.domainkey).toMatchObject({ status: 'skipped', wildcardStatus: 'skipped' });
  });

  it('never rejects, even if an ask does', async () => {
    const section = newDkimSection();
    await expect(probeDkim(section, { domain: 'example.com', ask: () => Promise.reject(new Error('boom')) })).resolves.toBeUndefined();
    expect(section.selectors.every((result) => result.status === 'error')).toBe(true);
  });
});
