import { describe, expect, it } from 'vitest';
import { testAddress, testExchange } from '../routing-checks/test-report';
import { newMailDiagnostics } from '../mail/mail-diagnostics';
import type { Report } from '../report';
import { describeDiff } from './describe-diff';
import { diffFacts, realChanges } from './diff-facts';
import { factsOf } from './facts-of';
import { changeSummary, timeAgo } from './summary';
import { report } from './testing/facts-reports';

const DAY = 24 * 3600_000;

function twoMx(spf: string, dmarc: string, extra: Partial<Report> = {}): Report {
  return report({
    exchanges: [
      testExchange('mx1.example.com', { preference: 10, addresses: [testAddress('192.0.2.1')] }),
      testExchange('mx2.example.com', { preference: 20, addresses: [testAddress('192.0.2.2')] }),
    ],
    txt: { records: [spf], status: 'ok', spf: [spf], dmarc: [dmarc], dmarcStatus: 'ok' },
    ...extra,
  });
}

function summaryOf(a: Report, b: Report, now = b.startedAt): string {
  const old = factsOf(a);
  const next = factsOf(b);
  return changeSummary(describeDiff(diffFacts(old, next), old, next), old.checkedAt, now);
}

describe('describeDiff', () => {
  it("says the issue's example in its words", () => {
    const before = twoMx('v=spf1 mx ~all', 'v=DMARC1; p=none');
    const after = report({
      exchanges: [testExchange('mx1.example.com', { preference: 10, addresses: [testAddress('192.0.2.1')] })],
      txt: { records: [], status: 'ok', spf: ['v=spf1 mx -all'], dmarc: ['v=DMARC1; p=quarantine'], dmarcStatus: 'ok' },
      startedAt: 3 * DAY + 5000,
    });
    expect(summaryOf(before, after)).toBe(
      'Since 3 days ago: mx2.example.com (20) was removed; SPF now ends in -all instead of ~all; DMARC policy went from none to quarantine',
    );
  });

  it('names an address that moved, a preference that changed, an include added and removed', () => {
    const before = twoMx('v=spf1 include:_spf.old.example ~all', 'v=DMARC1; p=reject');
    const after = twoMx('v=spf1 include:_spf.new.example ~all', 'v=DMARC1; p=reject', {
      exchanges: [
        testExchange('mx1.example.com', { preference: 5, addresses: [testAddress('192.0.2.1')] }),
        testExchange('mx2.example.com', { preference: 20, addresses: [testAddress('192.0.2.99')] }),
      ],
    });
    const old = factsOf(before);
    const next = factsOf(after);
    const items = describeDiff(diffFacts(old, next), old, next);
    expect(items.map((i) => i.text)).toEqual([
      "mx1.example.com's preference went from 10 to 5",
      'mx2.example.com moved from 192.0.2.2 to 192.0.2.99',
      'SPF include include:_spf.new.example added; SPF include include:_spf.old.example removed',
    ]);
    expect(items.find((i) => i.subject === 'mx2.example.com')).toMatchObject({ before: '192.0.2.2', after: '192.0.2.99' });
    expect(items.find((i) => i.subject === 'SPF')).toMatchObject({
      before: 'v=spf1 include:_spf.old.example ~all',
      after: 'v=spf1 include:_spf.new.example ~all',
    });
  });

  it('tells an added host with its addresses, and a null MX', () => {
    const before = twoMx('v=spf1 -all', 'v=DMARC1; p=reject');
    const added = twoMx('v=spf1 -all', 'v=DMARC1; p=reject', {
      exchanges: [...before.exchanges, testExchange('mx3.example.net', { preference: 30, addresses: [testAddress('198.51.100.3')] })],
    });
    expect(summaryOf(before, added)).toContain('mx3.example.net (30) was added (198.51.100.3)');
    const nulled = twoMx('v=spf1 -all', 'v=DMARC1; p=reject', {
      nullMx: true,
      exchanges: [testExchange('', { display: '.', preference: 0, state: 'null', addresses: [] })],
    });
    const text = summaryOf(before, nulled);
    expect(text).toContain('example.com now publishes a null MX');
    expect(text).toContain('mx1.example.com (10) was removed');
  });

  it('does not count a question that failed as a change', () => {
    const before = twoMx('v=spf1 -all', 'v=DMARC1; p=reject');
    const failed = report({ mxStatus: 'error', exchanges: [], txt: { records: [], status: 'error', spf: [], dmarc: [], dmarcStatus: 'error' } });
    const diff = diffFacts(factsOf(before), factsOf(failed));
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(realChanges(diff)).toEqual([]);
    const hostDown = twoMx('v=spf1 -all', 'v=DMARC1; p=reject', {
      exchanges: [before.exchanges[0]!, testExchange('mx2.example.com', { preference: 20, state: 'error' })],
    });
    expect(realChanges(diffFacts(factsOf(before), factsOf(hostDown)))).toEqual([]);
  });

  it('shows control and bidi characters in DNS text as escapes, so a record cannot reorder the sentence', () => {
    const before = twoMx('v=spf1 -all', 'v=DMARC1; p=reject');
    const after = twoMx('v=spf1 include:evil\u202e.example -all', 'v=DMARC1; p=reject');
    expect(summaryOf(before, after)).toContain('SPF include include:evil\\u202e.example added');
  });

  it('does not read a question left unasked (reverse DNS off) as a change', () => {
    const withPtr = twoMx('v=spf1 -all', 'v=DMARC1; p=reject');
    const noPtr = twoMx('v=spf1 -all', 'v=DMARC1; p=reject', {
      exchanges: withPtr.exchanges.map((e) => ({
        ...e,
        addresses: e.addresses.map((a) => ({ ...a, ptrStatus: 'skipped' as const, ptr: [], fcrdns: 'skipped' as const })),
      })),
    });
    expect(realChanges(diffFacts(factsOf(withPtr), factsOf(noPtr)))).toEqual([]);
  });

  it('compares the mail setup records when both lookups asked for them, and not when one did not', () => {
    const withMail = (mtaSts: string): Report => {
      const r = twoMx('v=spf1 -all', 'v=DMARC1; p=reject');
      const mail = newMailDiagnostics({});
      mail.spf.root = { ...mail.spf.root, txtStatus: 'ok', records: ['v=spf1 -all'] };
      mail.dmarc.lookups = [{ domain: 'example.com', status: 'ok', records: ['v=DMARC1; p=reject'], discarded: [] }];
      mail.mtaSts = { ...mail.mtaSts, domain: 'example.com', txtStatus: 'ok', records: [mtaSts] };
      return { ...r, mail };
    };
    const a = withMail('v=STSv1; id=1');
    const b = withMail('v=STSv1; id=2');
    expect(summaryOf(a, b)).toBe('Since the last check (just now): MTA-STS record changed from "v=STSv1; id=1" to "v=STSv1; id=2"');
    const plain = twoMx('v=spf1 -all', 'v=DMARC1; p=reject');
    expect(summaryOf(plain, a)).toBe('');
  });
});

describe('timeAgo', () => {
  it('reads like people say it', () => {
    expect(timeAgo(0, 30_000)).toBe('just now');
    expect(timeAgo(0, 60_000)).toBe('1 minute ago');
    expect(timeAgo(0, 5 * 3600_000)).toBe('5 hours ago');
    expect(timeAgo(0, 3 * DAY)).toBe('3 days ago');
    expect(timeAgo(0, 15 * DAY)).toBe('2 weeks ago');
    expect(timeAgo(1000, 0)).toBe('just now');
  });
});
