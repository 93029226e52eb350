import { describe, expect, it } from 'vitest';
import { newDmarcSection, probeDmarc } from '../../core/mail/dmarc';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { formatDmarc } from './format-dmarc';

async function lines(records: FakeRecords, domain = 'example.com') {
  const section = newDmarcSection();
  await probeDmarc(section, { domain, ask: fakeAsk(records).ask });
  return formatDmarc(section);
}

describe('formatDmarc', () => {
  it('prints where the policy comes from, the record and its meaning, aligned', async () => {
    expect(await lines({ '_dmarc.example.com TXT': ['v=DMARC1; p=reject; rua=mailto:d@example.com'] })).toEqual([
      'Published at _dmarc.example.com.',
      'v=DMARC1; p=reject; rua=mailto:d@example.com',
      'Policy for the domain  reject',
      'Subdomains             as the domain',
      'Alignment              DKIM relaxed, SPF relaxed',
      'Aggregate reports      mailto:d@example.com',
    ]);
  });

  it('prints the np= that applies to a domain that does not exist, and historic tags as such', async () => {
    const out = await lines({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; np=reject; pct=50; ri=86400'] }, 'ghost.example.com');
    expect(out[0]).toBe(
      'ghost.example.com does not exist (NXDOMAIN); the record of the organizational domain example.com applies to mail claiming to be from it (its np=, for non-existent subdomains).',
    );
    expect(out).toContain('Policy for this subdomain  reject (np=: the domain does not exist)');
    expect(out).toContain('Historic tags              pct=50, ri=86400 (RFC 9989: receivers ignore them)');
  });

  it('says when there is none, and while looking', async () => {
    expect(await lines({})).toEqual(['No DMARC record at _dmarc.example.com or any parent domain.']);
    expect(formatDmarc(newDmarcSection())).toEqual(['looking up the DMARC record…']);
  });

  it('prints unused records and report address checks', async () => {
    const out = await lines({ '_dmarc.example.com TXT': ['v=dmarc1; p=reject', 'v=DMARC1; p=none; rua=mailto:a@vendor.example'] });
    expect(out).toContain('not used: v=dmarc1; p=reject');
    expect(out.at(-1)).toBe('report address vendor.example: does not accept the reports (no record at example.com._report._dmarc.vendor.example)');
  });

  it('escapes terminal control characters in DNS text', async () => {
    const out = await lines({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; x=\u001b[31mred'] });
    expect(out[1]).toBe('v=DMARC1; p=none; x=\\u001b[31mred');
    expect(out.join('\n')).not.toContain('\u001b');
  });
});
