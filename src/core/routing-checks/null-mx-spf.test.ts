import { describe, expect, it } from 'vitest';
import { checkNullMxSpf, spfAuthorisesSenders } from './null-mx-spf';
import { nullExchange, testReport } from './test-report';
import type { ReportFacts } from './check';

function nullMxWithTxt(spf: string[], status: ReportFacts['txt']['status'] = 'ok'): ReportFacts {
  return testReport({ nullMx: true, exchanges: [nullExchange()], txt: { records: spf, status, spf, dmarc: [], dmarcStatus: 'nodata' } });
}

describe('spfAuthorisesSenders', () => {
  it.each([
    ['v=spf1 -all', false],
    ['v=spf1 ~all', false],
    ['v=spf1 ?all', false],
    ['v=spf1 mx -all', false],
    ['v=spf1 -ip4:192.0.2.0/24 -all', false],
    ['v=spf1 exp=explain.example.com -all', false],
    ['v=spf1 a -all', true],
    ['v=spf1 mx:mail.example.net -all', true],
    ['v=spf1 include:_spf.example.net ~all', true],
    ['v=spf1 +ip6:2001:db8::/32 -all', true],
    ['v=spf1 redirect=_spf.example.net', true],
    ['v=spf1 +all', true],
    ['V=SPF1 IP4:192.0.2.1 -ALL', true],
    // Where the three SPF readers used to disagree: one parser (parse-spf.ts) now decides.
    ['v=spf1\t+all', false], // a tab is not the space RFC 7208 §4.5 asks for: not an SPF record
    ['v=spf1  mx/24 -all', false], // "mx" with only a prefix length still names this domain's (absent) MX hosts
    ['v=spf1 +ip4:192.0.2.300 -all', false], // a broken term makes the record a permerror (RFC 7208 §4.6): it authorises nobody
  ])('%s authorises senders: %s', (record, expected) => {
    expect(spfAuthorisesSenders(record, true)).toBe(expected);
  });
});

describe('checkNullMxSpf', () => {
  it('warns when a null-MX domain still authorises senders in SPF (RFC 7505 §4.2)', () => {
    const findings = checkNullMxSpf(nullMxWithTxt(['v=spf1 include:_spf.example.net -all']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'null-mx-sends-mail', severity: 'warn', rfc: 'RFC 7505 §4.2' });
    expect(findings[0]!.message).toContain('"v=spf1 include:_spf.example.net -all"');
  });

  it('is quiet when SPF says the domain sends nothing ("v=spf1 -all")', () => {
    expect(checkNullMxSpf(nullMxWithTxt(['v=spf1 -all']))).toEqual([]);
  });

  it('suggests "v=spf1 -all" when a null-MX domain has no SPF record', () => {
    expect(checkNullMxSpf(nullMxWithTxt([], 'nodata')).map((f) => [f.code, f.severity])).toEqual([['null-mx-no-spf', 'info']]);
  });

  it('waits for the TXT answer', () => {
    expect(checkNullMxSpf(nullMxWithTxt([], 'pending'))).toEqual([]);
  });

  it('says nothing when the TXT lookup failed', () => {
    expect(checkNullMxSpf(nullMxWithTxt([], 'servfail'))).toEqual([]);
  });

  it('says nothing for domains without a null MX', () => {
    const report = testReport({ txt: { records: [], status: 'nodata', spf: [], dmarc: [], dmarcStatus: 'nodata' } });
    expect(checkNullMxSpf(report)).toEqual([]);
  });
});
