import { describe, expect, it } from 'vitest';
import type { SectionFacts } from '../mail-section';
import { withMtaSts } from './with-mta-sts';
import { newDaneSection, type DaneSection } from './types';

const FACTS: SectionFacts = { domainDisplay: 'example.com', mxHosts: ['mx1.example.com', 'mx2.example.com'], mxKnown: true, mxListed: true };

function dane(statuses: ('valid' | 'none')[]): DaneSection {
  const section = newDaneSection();
  section.hosts = statuses.map((status, index) => ({ host: `mx${index + 1}.example.com`, status, records: [], rollover: false }));
  return section;
}

describe('DANE beside MTA-STS (RFC 8461 §2)', () => {
  it('says which senders use which when both are published', () => {
    const [finding] = withMtaSts(dane(['valid', 'valid']), { ...FACTS, mtaSts: 'enforce' });
    expect(finding).toMatchObject({ code: 'dane-with-mta-sts', severity: 'info' });
    expect(finding!.message).toMatch(/Senders that validate DNSSEC use DANE .*; senders that do not use its MTA-STS policy in enforce mode/);
  });

  it('names the hosts only DANE covers, and says testing mode enforces nothing', () => {
    const [finding] = withMtaSts(dane(['valid', 'none']), { ...FACTS, mtaSts: 'testing' });
    expect(finding!.message).toMatch(/\(mx1\.example\.com; the other MX hosts have no usable DANE/);
    expect(finding!.message).toMatch(/testing mode, which enforces nothing/);
  });

  it('says nothing without MTA-STS or without usable DANE', () => {
    expect(withMtaSts(dane(['valid']), FACTS)).toEqual([]);
    expect(withMtaSts(dane(['none']), { ...FACTS, mtaSts: 'enforce' })).toEqual([]);
  });
});
