import { describe, expect, it } from 'vitest';
import { parseMailDate } from './mail-date';

const at = (iso: string) => Date.parse(iso);

describe('parseMailDate: RFC 5322 §3.3 date-time', () => {
  it('reads the full form with a numeric zone', () => {
    expect(parseMailDate('Mon, 7 Dec 2026 13:05:00 +0100')).toBe(at('2026-12-07T12:05:00Z'));
    expect(parseMailDate('Tue, 01 Apr 2025 08:15:30 -0700')).toBe(at('2025-04-01T15:15:30Z'));
  });

  it('reads "-0000" (local time unknown) as UTC', () => {
    expect(parseMailDate('7 Dec 2026 13:05:00 -0000')).toBe(at('2026-12-07T13:05:00Z'));
  });

  it('accepts a leap second (second 60)', () => {
    expect(parseMailDate('31 Dec 2016 23:59:60 +0000')).toBe(at('2017-01-01T00:00:00Z'));
  });
});

describe('parseMailDate: obsolete forms seen in the wild (RFC 5322 §4.3)', () => {
  it('reads a date without a day of week (qmail writes them)', () => {
    expect(parseMailDate('1 Apr 2025 10:00:00 -0000')).toBe(at('2025-04-01T10:00:00Z'));
  });

  it('reads two-digit years: below 50 is 20xx, otherwise 19xx', () => {
    expect(parseMailDate('Mon, 7 Dec 26 13:05:00 +0000')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('Fri, 3 Dec 99 13:05:00 +0000')).toBe(at('1999-12-03T13:05:00Z'));
  });

  it('reads a three-digit year as 1900 plus it', () => {
    expect(parseMailDate('7 Dec 126 13:05:00 +0000')).toBe(at('2026-12-07T13:05:00Z'));
  });

  it('reads the named zones of RFC 822', () => {
    expect(parseMailDate('7 Dec 2026 13:05:00 GMT')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('7 Dec 2026 13:05:00 UT')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('7 Dec 2026 13:05:00 EST')).toBe(at('2026-12-07T18:05:00Z'));
    expect(parseMailDate('1 Jul 2026 13:05:00 EDT')).toBe(at('2026-07-01T17:05:00Z'));
    expect(parseMailDate('7 Dec 2026 13:05:00 CST')).toBe(at('2026-12-07T19:05:00Z'));
    expect(parseMailDate('7 Dec 2026 13:05:00 MDT')).toBe(at('2026-12-07T19:05:00Z'));
    expect(parseMailDate('7 Dec 2026 13:05:00 PST')).toBe(at('2026-12-07T21:05:00Z'));
    expect(parseMailDate('7 Dec 2026 13:05:00 pdt')).toBe(at('2026-12-07T20:05:00Z'));
    expect(parseMailDate('7 Dec 2026 13:05:00 UTC')).toBe(at('2026-12-07T13:05:00Z'));
  });

  it('reads military zone letters as unknown local time, that is UTC', () => {
    expect(parseMailDate('7 Dec 2026 13:05:00 Z')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('7 Dec 2026 13:05:00 A')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('7 Dec 2026 13:05:00 J')).toBeNull();
  });

  it('reads a time without seconds', () => {
    expect(parseMailDate('Mon, 7 Dec 2026 13:05 +0000')).toBe(at('2026-12-07T13:05:00Z'));
  });

  it('ignores comments, nested ones too', () => {
    expect(parseMailDate('Mon, 7 Dec 2026 05:05:00 -0800 (PST)')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('Mon, 7 Dec 2026 13:05:00 +0000 (UTC)')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('Mon, 7 Dec 2026 13:05:00 +0000 (GMT+00:00)')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('Mon, 7 Dec 2026 (a (nested) note) 13:05:00 +0000')).toBe(at('2026-12-07T13:05:00Z'));
  });

  it('accepts extra spaces, folding, lower-case and long month names', () => {
    expect(parseMailDate('  Mon,   7  dec   2026\r\n 13:05:00   +0000  ')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('Monday, 7 December 2026 13:05:00 +0000')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('Mon,7 Dec 2026 13:05:00 +0000')).toBe(at('2026-12-07T13:05:00Z'));
  });

  it('accepts a zone name after the numeric zone, and "+01:00"', () => {
    expect(parseMailDate('Mon, 7 Dec 2026 14:05:00 +0100 CET')).toBe(at('2026-12-07T13:05:00Z'));
    expect(parseMailDate('Mon, 7 Dec 2026 14:05:00 +01:00')).toBe(at('2026-12-07T13:05:00Z'));
  });

  it('reads asctime order, as some local mailers stamp it', () => {
    expect(parseMailDate('Mon Dec  7 13:05:00 2026')).toBe(at('2026-12-07T13:05:00Z'));
  });

  it('reads "01-Dec-2026" day-month-year with dashes', () => {
    expect(parseMailDate('07-Dec-2026 13:05:00 +0000')).toBe(at('2026-12-07T13:05:00Z'));
  });

  it('does not check the day of week against the date', () => {
    expect(parseMailDate('Fri, 7 Dec 2026 13:05:00 +0000')).toBe(at('2026-12-07T13:05:00Z'));
  });
});

describe('parseMailDate: impossible or unreadable dates are null', () => {
  it.each([
    ['February 30th', 'Mon, 30 Feb 2026 10:00:00 +0000'],
    ['February 29th outside a leap year', '29 Feb 2025 10:00:00 +0000'],
    ['hour 25', 'Mon, 7 Dec 2026 25:00:00 +0000'],
    ['minute 60', 'Mon, 7 Dec 2026 13:60:00 +0000'],
    ['day 0', '0 Dec 2026 13:05:00 +0000'],
    ['an unknown month', '7 Dez 2026 13:05:00 +0000'],
    ['an unknown zone name', '7 Dec 2026 13:05:00 CEST'],
    ['a zone offset of 25 hours', '7 Dec 2026 13:05:00 +2500'],
    ['a year before 1900', '7 Dec 0050 13:05:00 +0000'],
    ['no time', 'Mon, 7 Dec 2026'],
    ['garbage after the zone', '7 Dec 2026 13:05:00 +0000 1234'],
    ['nothing', ''],
    ['words', 'yesterday at noon'],
  ])('%s', (_why, text) => {
    expect(parseMailDate(text)).toBeNull();
  });

  it('leaves February 29th of a leap year alone', () => {
    expect(parseMailDate('29 Feb 2028 10:00:00 +0000')).toBe(at('2028-02-29T10:00:00Z'));
  });
});
