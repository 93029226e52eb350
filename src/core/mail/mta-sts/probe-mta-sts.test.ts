import { describe, expect, it } from 'vitest';
import { fakeAsk } from '../testing/fake-ask';
import { fetchMtaStsPolicy, newMtaStsSection, probeMtaSts } from './probe-mta-sts';
import type { PolicyFetcher } from './types';

const RECORD = { '_mta-sts.example.com TXT': ['v=STSv1; id=20240101'] };
const POLICY = 'version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 604800\n';
const URL = 'https://mta-sts.example.com/.well-known/mta-sts.txt';
const serve =
  (body: string, status = 200, contentType: string | null = 'text/plain; charset=utf-8'): PolicyFetcher =>
  async () => ({ status, body, ...(contentType ? { contentType } : {}) });

async function probe(records: Record<string, string[] | 'servfail'>, fetchPolicy?: PolicyFetcher) {
  const section = newMtaStsSection();
  const fake = fakeAsk(records);
  await probeMtaSts(section, { domain: 'example.com', ask: fake.ask }, fetchPolicy);
  return { section, asked: fake.asked };
}

describe('probeMtaSts', () => {
  it('reads the TXT record and, given a fetcher, the policy file', async () => {
    const urls: string[] = [];
    const { section, asked } = await probe(RECORD, async (url) => (urls.push(url), { status: 200, contentType: 'text/plain', body: POLICY }));
    expect(asked).toEqual(['_mta-sts.example.com TXT']);
    expect(urls).toEqual([URL]);
    expect(section).toMatchObject({ status: 'done', txtStatus: 'ok', records: ['v=STSv1; id=20240101'], record: { id: '20240101', errors: [] } });
    expect(section.policy).toMatchObject({ state: 'ok', url: URL, policy: { mode: 'enforce', mx: ['mx.example.com'] }, body: POLICY });
  });

  it('does not fetch without a record, or without a fetcher', async () => {
    let fetched = false;
    expect((await probe({}, async () => ((fetched = true), { status: 200, body: '' }))).section.policy).toEqual({ state: 'not-fetched' });
    expect(fetched).toBe(false);
    expect((await probe(RECORD)).section.policy).toEqual({ state: 'not-fetched' });
  });

  it('discards TXT records that do not begin with v=STSv1', async () => {
    const { section } = await probe({ '_mta-sts.example.com TXT': ['hello', 'v=STSv1; id=1'] });
    expect(section.records).toEqual(['v=STSv1; id=1']);
  });

  it('reads no single record when there are several', async () => {
    const { section } = await probe({ '_mta-sts.example.com TXT': ['v=STSv1; id=1', 'v=STSv1; id=2'] });
    expect(section.records).toHaveLength(2);
    expect(section.record).toBeUndefined();
  });

  it('records each way a fetch can go', async () => {
    expect((await probe(RECORD, async () => 'permission-needed')).section.policy).toEqual({ state: 'permission-needed', url: URL });
    expect((await probe(RECORD, serve('gone', 404))).section.policy).toEqual({ state: 'http-error', url: URL, httpStatus: 404 });
    expect((await probe(RECORD, serve(POLICY, 301))).section.policy).toMatchObject({ state: 'http-error', httpStatus: 301 });
    expect((await probe(RECORD, serve(POLICY, 200, 'text/html'))).section.policy).toMatchObject({
      state: 'bad-content-type',
      contentType: 'text/html',
      policy: { mode: 'enforce' },
    });
    expect((await probe(RECORD, serve(POLICY, 200, null))).section.policy).toMatchObject({ state: 'bad-content-type' });
    expect((await probe(RECORD, serve('<html>oops</html>'))).section.policy).toMatchObject({
      state: 'parse-error',
      policy: { errors: expect.arrayContaining(['There is no mode: line.']) },
    });
    expect((await probe(RECORD, () => Promise.reject(new TypeError('certificate has expired')))).section.policy).toEqual({
      state: 'fetch-failed',
      url: URL,
      message: 'certificate has expired',
    });
  });

  it('accepts text/plain with parameters, in any case', async () => {
    expect((await probe(RECORD, serve(POLICY, 200, 'Text/Plain; charset=UTF-8'))).section.policy.state).toBe('ok');
  });

  it('cuts a huge body at 64 KiB', async () => {
    const { section } = await probe(RECORD, serve(POLICY + 'x'.repeat(200_000)));
    expect(section.policy.state === 'parse-error' && section.policy.body.length).toBe(64 * 1024);
  });

  it('shows the fetch in progress', async () => {
    let release!: (value: { status: number; body: string; contentType: string }) => void;
    const section = newMtaStsSection();
    const done = probeMtaSts(section, { domain: 'example.com', ask: fakeAsk(RECORD).ask }, () => new Promise((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(section.policy).toEqual({ state: 'fetching', url: URL });
    release({ status: 200, body: POLICY, contentType: 'text/plain' });
    await done;
    expect(section.policy.state).toBe('ok');
  });

  it('fetches again on request, once permission is granted', async () => {
    const { section } = await probe(RECORD, async () => 'permission-needed');
    await fetchMtaStsPolicy(section, serve(POLICY));
    expect(section.policy.state).toBe('ok');
  });

  it('keeps a failed TXT lookup, and never rejects', async () => {
    expect((await probe({ '_mta-sts.example.com TXT': 'servfail' })).section.txtStatus).toBe('servfail');
    const section = newMtaStsSection();
    await expect(probeMtaSts(section, { domain: 'example.com', ask: () => Promise.reject(new Error('x')) })).resolves.toBeUndefined();
    expect(section).toMatchObject({ status: 'done', txtStatus: 'error' });
  });

  it('asks nothing once aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const fake = fakeAsk(RECORD);
    const section = newMtaStsSection();
    await probeMtaSts(section, { domain: 'example.com', ask: fake.ask, signal: controller.signal }, serve(POLICY));
    expect(fake.asked).toEqual([]);
    expect(section).toMatchObject({ status: 'done', txtStatus: 'skipped', policy: { state: 'not-fetched' } });
  });
});
