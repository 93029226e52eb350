import { describe, expect, it } from 'vitest';
import { newSpfSection, probeSpf } from '../../core/mail/spf';
import type { SpfSection } from '../../core/mail/spf/types';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { formatSpf } from './format-spf';

async function sectionFor(records: FakeRecords): Promise<SpfSection> {
  const section = newSpfSection();
  await probeSpf(section, { domain: 'example.com', ask: fakeAsk(records).ask });
  return section;
}

describe('formatSpf', () => {
  it('prints the counts, then the include tree drawn like `tree`', async () => {
    const section = await sectionFor({
      'example.com TXT': ['v=spf1 mx include:_spf.provider.example include:gone.example -all'],
      'example.com MX': ['mx.example.com'],
      '_spf.provider.example TXT': ['v=spf1 include:_net.provider.example include:_net2.provider.example a:old.provider.example ~all'],
      '_net.provider.example TXT': ['v=spf1 ip4:192.0.2.0/24 ~all'],
      '_net2.provider.example TXT': ['v=spf1 ip6:2001:db8::/32 ~all'],
    });
    expect(formatSpf(section)).toEqual([
      '6 of 10 DNS lookups, 2 of 2 void lookups',
      'example.com (3 lookups)  v=spf1 mx include:_spf.provider.example include:gone.example -all',
      '├── include _spf.provider.example (3 lookups)  v=spf1 include:_net.provider.example include:_net2.provider.example a:old.provider.example ~all',
      '│   │   void: a:old.provider.example',
      '│   ├── include _net.provider.example (0 lookups)  v=spf1 ip4:192.0.2.0/24 ~all',
      '│   └── include _net2.provider.example (0 lookups)  v=spf1 ip6:2001:db8::/32 ~all',
      '└── include gone.example: does not exist',
    ]);
  });

  it('says why a branch was not followed, and lists several records one per line', async () => {
    const section = await sectionFor({
      'example.com TXT': ['v=spf1 include:two.example include:example.com redirect=r.example ~all'],
      'two.example TXT': ['v=spf1 a -all', 'v=spf1 mx -all'],
    });
    expect(formatSpf(section)).toEqual([
      'at least 2 of 10 DNS lookups, 0 of 2 void lookups', // a loop never ends: the count has no final value
      'example.com (2 lookups)  v=spf1 include:two.example include:example.com redirect=r.example ~all',
      '├── include two.example: several SPF records',
      '│       v=spf1 a -all',
      '│       v=spf1 mx -all',
      '├── include example.com: loop: already on this path',
      '└── redirect r.example: never evaluated',
    ]);
  });

  it('prints one line when there is no record to show', async () => {
    expect(formatSpf(newSpfSection('example.com'))).toEqual(['looking up the SPF record…']);
    expect(formatSpf(await sectionFor({ 'example.com TXT': ['x'] }))).toEqual(['no SPF record published']);
    expect(formatSpf(await sectionFor({}))).toEqual(['the domain does not exist']);
    expect(formatSpf(await sectionFor({ 'example.com TXT': 'servfail' }))).toEqual(['the TXT lookup failed (SERVFAIL)']);
  });

  it('says "at least" while the count can still grow', async () => {
    const section = await sectionFor({ 'example.com TXT': ['v=spf1 include:%{d}.x.example -all'] });
    expect(formatSpf(section)[0]).toBe('at least 1 of 10 DNS lookups, 0 of 2 void lookups');
  });

  it('neutralises control characters in records', async () => {
    const section = await sectionFor({ 'example.com TXT': ['v=spf1 \u001b[2J -all'] });
    expect(formatSpf(section)[1]).toBe('example.com: syntax error (0 lookups)  v=spf1 \\u001b[2J -all');
  });
});
