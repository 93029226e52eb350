import { describe, expect, it } from 'vitest';
import { discardReason, isDmarcRecord, looksLikeDmarc, parseDmarc, reportHost } from './parse-dmarc';

describe('isDmarcRecord (RFC 7489 §6.6.3: records not starting with v=DMARC1 are discarded)', () => {
  it('takes records that start with v=DMARC1', () => {
    for (const record of ['v=DMARC1; p=none', 'v=DMARC1', ' v = DMARC1 ;p=reject', 'V=DMARC1; p=none']) expect(isDmarcRecord(record), record).toBe(true);
  });

  it('discards v= not first, a lower-case version (case sensitive, DMARCbis §4.8) and other versions', () => {
    for (const record of ['p=reject; v=DMARC1', 'v=dmarc1; p=reject', 'v=DMARC10; p=none', 'v=DMARC2', 'v=spf1 -all', ''])
      expect(isDmarcRecord(record), record).toBe(false);
  });

  it('spots discarded records that were meant as DMARC, and says why', () => {
    expect(looksLikeDmarc('p=reject; v=DMARC1')).toBe(true);
    expect(looksLikeDmarc('v=spf1 -all')).toBe(false);
    expect(looksLikeDmarc('v=DMARC1; p=none')).toBe(false);
    expect(discardReason('v=dmarc1; p=reject')).toContain('exactly DMARC1');
    expect(discardReason('v=DMARC2; p=reject')).toContain('not DMARC1');
    expect(discardReason('p=reject; v=DMARC1')).toContain('does not start with v=DMARC1');
  });
});

describe('parseDmarc', () => {
  it('reads every RFC 7489 and DMARCbis tag', () => {
    const parse = parseDmarc(
      'v=DMARC1; p=reject; sp=quarantine; np=reject; pct=50; adkim=s; aspf=r; rua=mailto:a@example.com; ruf=mailto:f@example.com; fo=1:d; rf=afrf; ri=3600; psd=n; t=y',
    );
    expect(parse.errors).toEqual([]);
    expect(parse.tags).toEqual({
      p: 'reject',
      sp: 'quarantine',
      np: 'reject',
      pct: 50,
      adkim: 's',
      aspf: 'r',
      rua: ['mailto:a@example.com'],
      ruf: ['mailto:f@example.com'],
      fo: '1:d',
      rf: 'afrf',
      ri: 3600,
      psd: 'n',
      t: 'y',
    });
    expect(parse.policy).toBe('reject');
    expect(parse.fallback).toBeUndefined();
  });

  it('reads tag names and keyword values case-insensitively (RFC 5234 §2.3)', () => {
    expect(parseDmarc('v=DMARC1; P=Reject; ADKIM=S').tags).toMatchObject({ p: 'reject', adkim: 's' });
  });

  it('reads several report URIs, dropping the obsolete !size suffix', () => {
    expect(parseDmarc('v=DMARC1; p=none; rua=mailto:a@example.com!10m, mailto:b@report.example ,https://r.example/dmarc').tags.rua).toEqual([
      'mailto:a@example.com',
      'mailto:b@report.example',
      'https://r.example/dmarc',
    ]);
  });

  it('refuses report URIs that are not URIs or mail addresses', () => {
    const parse = parseDmarc('v=DMARC1; p=none; rua=dmarc@example.com, mailto:nobody, mailto:ok@example.com');
    expect(parse.tags.rua).toEqual(['mailto:ok@example.com']);
    expect(parse.errors).toEqual(['rua: "dmarc@example.com" is not a URI.', 'rua: "mailto:nobody" is not a mail address (mailto:someone@example.com).']);
  });

  it('reports bad values of each tag and keeps the default instead', () => {
    const parse = parseDmarc('v=DMARC1; p=reject; pct=150; adkim=x; aspf=; fo=2; rf=a f; ri=soon; psd=maybe; t=1');
    expect(parse.tags).toEqual({ p: 'reject', rua: [], ruf: [] });
    expect(parse.errors).toHaveLength(8);
    expect(parse.errors[0]).toBe('pct=150 is not valid: it must be a whole number from 0 to 100.');
    expect(parse.policy).toBe('reject');
  });

  it('notes unknown tags without failing (DMARCbis §4.8: unknown tags are ignored)', () => {
    const parse = parseDmarc('v=DMARC1; p=none; foo=bar; rua=mailto:a@example.com');
    expect(parse.unknownTags).toEqual(['foo']);
    expect(parse.errors).toEqual([]);
  });

  it('flags duplicate tags and uses the first', () => {
    const parse = parseDmarc('v=DMARC1; p=reject; p=none');
    expect(parse.tags.p).toBe('reject');
    expect(parse.errors[0]).toContain('p= appears more than once');
  });

  it('says the record is discarded when v=DMARC1 is not first', () => {
    expect(parseDmarc('p=reject; v=DMARC1').errors).toContain('The record must start with v=DMARC1; receivers discard it.');
  });

  describe('an unreadable or missing policy (RFC 7489 §6.6.3, DMARCbis §4.7 and §4.10.1)', () => {
    it('reads a missing p= as none (DMARCbis), saying it is missing', () => {
      const parse = parseDmarc('v=DMARC1; rua=mailto:a@example.com');
      expect(parse).toMatchObject({ policy: 'none', fallback: 'p-missing' });
      expect(parse.errors).toEqual(['There is no p= tag: the record states no policy.']);
    });

    it('acts as p=none when p= is unreadable but rua= holds a valid URI', () => {
      expect(parseDmarc('v=DMARC1; p=rejected; rua=mailto:a@example.com')).toMatchObject({ policy: 'none', fallback: 'none-for-rua' });
    });

    it('applies no DMARC when p= is unreadable and there is no valid rua=', () => {
      const parse = parseDmarc('v=DMARC1; p=rejected');
      expect(parse.policy).toBeUndefined();
      expect(parse.fallback).toBe('ignored');
    });

    it('treats an unreadable sp= or np= the same way, even with a good p=', () => {
      expect(parseDmarc('v=DMARC1; p=reject; sp=strict')).toMatchObject({ fallback: 'ignored' });
      expect(parseDmarc('v=DMARC1; p=reject; np=x; rua=mailto:a@example.com')).toMatchObject({ policy: 'none', fallback: 'none-for-rua' });
    });
  });

  it('keeps HTML in a record as plain data', () => {
    const parse = parseDmarc('v=DMARC1; p=<script>alert(1)</script>; rua=mailto:<b>@example.com');
    expect(parse.errors[0]).toContain('<script>');
  });

  it('never throws on garbage', () => {
    for (const text of ['', ';', 'v=DMARC1;;;;', '=;=;=', 'v=DMARC1; rua=,,,', 'v=DMARC1; pct=-1', '\u0000', 'x'.repeat(10_000)])
      expect(() => parseDmarc(text)).not.toThrow();
  });
});

describe('reportHost', () => {
  it('gives the domain of a mailto: URI, lower case, without parameters', () => {
    expect(reportHost('mailto:dmarc@Reports.Example.COM')).toBe('reports.example.com');
    expect(reportHost('mailto:a@example.com?subject=x')).toBe('example.com');
    expect(reportHost('https://example.com/r')).toBeUndefined();
    expect(reportHost('mailto:nobody')).toBeUndefined();
  });
});

describe('the one DMARC recogniser (the lookup uses it for txt.dmarc too, see lookup-mail.test.ts)', () => {
  it('takes only "DMARC1" in capitals, where the lookup once took any case (RFC 7489 §6.4)', () => {
    expect(isDmarcRecord('v=DMARC1; p=reject')).toBe(true);
    expect(isDmarcRecord('v=dmarc1; p=reject')).toBe(false);
    expect(isDmarcRecord('v=DMARC10; p=none')).toBe(false);
  });
});
