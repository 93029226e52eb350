// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { newSpfSection, probeSpf } from '../../core/mail/spf';
import type { SpfSection } from '../../core/mail/spf/types';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { mount, textOf, unmountAll } from '../testing/render';
import { SpfSectionBody } from './spf-section';

afterEach(unmountAll);

async function sectionFor(records: FakeRecords): Promise<SpfSection> {
  const section = newSpfSection();
  await probeSpf(section, { domain: 'example.com', ask: fakeAsk(records).ask });
  return section;
}

const render = (section: SpfSection) => mount(h(SpfSectionBody, { section }));
/** Each node's own line (its summary or first line), outermost first. */
const heads = (element: HTMLElement) => [...element.querySelectorAll('.spf-head')].map(textOf);

const zone: FakeRecords = {
  'example.com TXT': ['v=spf1 mx include:_spf.provider.example include:gone.example -all'],
  'example.com MX': ['mx.example.com'],
  '_spf.provider.example TXT': ['v=spf1 include:_net.provider.example a:old.provider.example ~all'],
  '_net.provider.example TXT': ['v=spf1 ip4:192.0.2.0/24 ~all'],
};

describe('SpfSectionBody', () => {
  it('says it is looking while the record is pending', () => {
    expect(textOf(render(newSpfSection('example.com')))).toBe('Looking up the SPF record…');
  });

  it('says when there is no record, or the lookup failed', async () => {
    expect(textOf(render(await sectionFor({ 'example.com TXT': ['hello'] })))).toBe('No SPF record published.');
    expect(textOf(render(await sectionFor({ 'example.com TXT': 'servfail' })))).toBe('The TXT lookup failed (SERVFAIL).');
  });

  it('shows the lookup count against the limit, and the void lookups', async () => {
    const element = render(await sectionFor(zone));
    expect(textOf(element.querySelector('.spf-counts'))).toBe('5 of 10 DNS lookups , 2 of 2 void lookups');
    expect(element.querySelector('.spf-over')).toBeNull();
  });

  it('marks a count past the limit, and says "at least" until it is final', async () => {
    const records: FakeRecords = { 'example.com TXT': [`v=spf1 ${Array.from({ length: 11 }, (_, i) => `exists:e${i}.example.com`).join(' ')} -all`] };
    const section = await sectionFor(records);
    expect(textOf(render(section).querySelector('.spf-over'))).toBe('11 of 10 DNS lookups');
    section.status = 'pending';
    expect(textOf(render(section).querySelector('.spf-counts'))).toMatch(/^at least 11 of 10 DNS lookups/);
  });

  it('shows the include tree as nested lists: domain, how it was reached, status when not ok, own lookups', async () => {
    const element = render(await sectionFor(zone));
    expect(heads(element)).toEqual([
      'example.com 3 lookups',
      'include _spf.provider.example 2 lookups',
      'include _net.provider.example 0 lookups',
      'include gone.example does not exist',
    ]);
    const root = element.querySelector('.spf-tree > li')!;
    expect(root.querySelectorAll(':scope > details > ul > li')).toHaveLength(2);
    expect(root.querySelector(':scope > details')!.hasAttribute('open')).toBe(true);
    expect(element.querySelector('.spf-fail')!.textContent).toBe('does not exist');
  });

  it('shows every record verbatim in <code class="record">, and the void terms', async () => {
    const element = render(await sectionFor(zone));
    expect([...element.querySelectorAll('code.record')].map((code) => code.textContent)).toEqual([
      'v=spf1 mx include:_spf.provider.example include:gone.example -all',
      'v=spf1 include:_net.provider.example a:old.provider.example ~all',
      'v=spf1 ip4:192.0.2.0/24 ~all',
    ]);
    expect(textOf(element.querySelector('.spf-void'))).toBe('void: a:old.provider.example');
  });

  it('shows both records when there are several', async () => {
    const element = render(await sectionFor({ 'example.com TXT': ['v=spf1 mx -all', 'v=spf1 a -all'] }));
    expect(element.querySelectorAll('code.record')).toHaveLength(2);
    expect(heads(element)).toEqual(['example.com several SPF records']);
  });

  it('names why a branch was not followed', async () => {
    const element = render(await sectionFor({ 'example.com TXT': ['v=spf1 include:example.com include:%{d}.x.example redirect=r.example -all'] }));
    expect(heads(element).slice(1)).toEqual([
      'include example.com loop: already on this path',
      'include %{d}.x.example macro: depends on the sender, not followed',
      'redirect r.example never evaluated',
    ]);
  });

  it('renders HTML in a record as text', async () => {
    const element = render(await sectionFor({ 'example.com TXT': ['v=spf1 <img src=x onerror=alert(1)> -all'] }));
    expect(element.querySelector('img')).toBeNull();
    expect(element.querySelector('code.record')!.textContent).toBe('v=spf1 <img src=x onerror=alert(1)> -all');
    expect(heads(element)).toEqual(['example.com syntax error 0 lookups']);
  });
});
