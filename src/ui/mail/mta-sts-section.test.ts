// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { newMtaStsSection, probeMtaSts, type PolicyFetcher } from '../../core/mail/mta-sts';
import type { MtaStsSection } from '../../core/mail/mta-sts/types';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { mount, textOf, unmountAll } from '../testing/render';
import { MtaStsSectionBody } from './mta-sts-section';

afterEach(unmountAll);

const RECORD: FakeRecords = { '_mta-sts.example.com TXT': ['v=STSv1; id=20240101'] };
const POLICY = 'version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 604800\r\n';
const serve =
  (body: string, contentType = 'text/plain'): PolicyFetcher =>
  async () => ({ status: 200, contentType, body });

async function sectionFor(records: FakeRecords, fetchPolicy?: PolicyFetcher): Promise<MtaStsSection> {
  const section = newMtaStsSection();
  await probeMtaSts(section, { domain: 'example.com', ask: fakeAsk(records).ask }, fetchPolicy);
  return section;
}
const render = (section: MtaStsSection) => mount(h(MtaStsSectionBody, { section }));
const rows = (element: HTMLElement) => [...element.querySelectorAll('dt')].map((dt) => `${textOf(dt)}: ${textOf(dt.nextElementSibling)}`);

describe('MtaStsSectionBody', () => {
  it('says it is looking, that there is no record, or that the lookup failed', async () => {
    expect(textOf(render(newMtaStsSection()))).toBe('Looking up the MTA-STS record…');
    expect(textOf(render(await sectionFor({})))).toBe('No MTA-STS record at _mta-sts.example.com.');
    expect(textOf(render(await sectionFor({ '_mta-sts.example.com TXT': 'servfail' })))).toBe('The lookup of _mta-sts.example.com failed (SERVFAIL).');
  });

  it('shows the record alone when the policy was not fetched', async () => {
    const element = render(await sectionFor(RECORD));
    expect(textOf(element)).toBe('v=STSv1; id=20240101');
  });

  it('shows the policy: mode, cache time, MX patterns, and the file itself', async () => {
    const element = render(await sectionFor(RECORD, serve(POLICY)));
    expect(textOf(element.querySelector('.mta-sts-state'))).toBe('Policy at https://mta-sts.example.com/.well-known/mta-sts.txt:');
    expect(rows(element)).toEqual([
      'Mode: enforce: senders deliver only over TLS to a listed MX host with a valid certificate',
      'Cached for: 604800 s (7 days)',
      'MX patterns: *.example.com',
    ]);
    expect(element.querySelector('pre')!.textContent).toBe(POLICY);
  });

  it('given the MX hosts, says which pattern covers each, which host is missed and which pattern is stale', async () => {
    const policy = 'version: STSv1\nmode: testing\nmx: mx1.example.com\nmx: *.old.example.com\nmax_age: 86400\n';
    const element = mount(h(MtaStsSectionBody, { section: await sectionFor(RECORD, serve(policy)), mxHosts: ['mx1.example.com', 'MX2.example.com.'] }));
    expect(rows(element).slice(0, 1)).toEqual(['Mode: testing: senders report TLS failures but still deliver (no protection yet)']);
    expect(rows(element).slice(3)).toEqual([
      'mx1.example.com: covered by mx: mx1.example.com',
      'mx2.example.com: not covered by any mx: line',
      'mx: *.old.example.com: stale: matches no MX host',
    ]);
  });

  it('says when permission is needed, or the fetch failed', async () => {
    expect(textOf(render(await sectionFor(RECORD, async () => 'permission-needed')).querySelector('.mta-sts-state'))).toBe(
      'The policy at https://mta-sts.example.com/.well-known/mta-sts.txt was not fetched: that needs your permission.',
    );
    const failed = render(await sectionFor(RECORD, async () => ({ status: 404, body: '' })));
    expect(textOf(failed.querySelector('.mta-sts-http-error'))).toBe('https://mta-sts.example.com/.well-known/mta-sts.txt answered HTTP 404.');
  });

  it('lists the errors of a broken policy, and shows an HTML page served as the policy as text', async () => {
    const element = render(await sectionFor(RECORD, serve('<html><script>alert(1)</script></html>', 'text/html')));
    expect(textOf(element.querySelector('.mta-sts-state'))).toBe('https://mta-sts.example.com/.well-known/mta-sts.txt is served as text/html, not text/plain:');
    expect(textOf(element.querySelector('.mta-sts-errors li'))).toContain('is not a key: value line');
    expect(element.querySelector('script')).toBeNull();
    expect(element.querySelector('pre')!.textContent).toBe('<html><script>alert(1)</script></html>');
  });
});
