import { describe, expect, it } from 'vitest';
import { isMtaStsRecord, mxMatchesPolicy, parseMtaStsPolicy, parseMtaStsRecord } from './parse-mta-sts';

describe('the _mta-sts TXT record (RFC 8461 §3.1)', () => {
  it('reads v=STSv1 and the id', () => {
    expect(parseMtaStsRecord('v=STSv1; id=20160831085700Z;')).toEqual({ id: '20160831085700Z', errors: [], unknownTags: [] });
  });

  it('takes only records that begin with v=STSv1 (case sensitive)', () => {
    expect(isMtaStsRecord('v=STSv1; id=1')).toBe(true);
    expect(isMtaStsRecord('v=STSv1')).toBe(true);
    for (const record of ['v=stsv1; id=1', ' id=1; v=STSv1', 'v=STSv10; id=1', 'v=spf1 -all']) expect(isMtaStsRecord(record), record).toBe(false);
  });

  it('requires an id of 1 to 32 letters and digits', () => {
    expect(parseMtaStsRecord('v=STSv1').errors).toEqual(['There is no id= field; senders need it to notice policy changes.']);
    expect(parseMtaStsRecord('v=STSv1; id=2024-01-01').errors[0]).toContain('1 to 32 letters and digits');
    expect(parseMtaStsRecord(`v=STSv1; id=${'a'.repeat(33)}`).errors[0]).toContain('1 to 32');
    expect(parseMtaStsRecord(`v=STSv1; id=${'a'.repeat(32)}`).errors).toEqual([]);
  });

  it('ignores extension fields but notes them', () => {
    expect(parseMtaStsRecord('v=STSv1; id=1; ext.x=y')).toEqual({ id: '1', errors: [], unknownTags: ['ext.x'] });
  });

  it('flags duplicate fields and keeps the first id', () => {
    const parse = parseMtaStsRecord('v=STSv1; id=1; id=2');
    expect(parse.id).toBe('1');
    expect(parse.errors[0]).toContain('id= appears more than once');
  });

  it('never throws on garbage, and keeps HTML as data', () => {
    for (const text of ['', ';', '=', 'v=STSv1; id=<script>', '\u0000']) expect(() => parseMtaStsRecord(text)).not.toThrow();
    expect(parseMtaStsRecord('v=STSv1; id=<b>').errors[0]).toContain('id=<b>');
  });
});

describe('the policy file (RFC 8461 §3.2)', () => {
  const policy = 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n';

  it('reads version, mode, mx lines and max_age, with CRLF line ends', () => {
    expect(parseMtaStsPolicy(policy)).toEqual({
      version: 'STSv1',
      mode: 'enforce',
      maxAge: 604800,
      mx: ['mail.example.com', '*.example.net'],
      errors: [],
      unknownKeys: [],
    });
  });

  it('reads LF line ends too (sts-policy-term = LF / CRLF), and no final line end', () => {
    expect(parseMtaStsPolicy('version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 86400')).toMatchObject({
      mode: 'testing',
      maxAge: 86400,
      errors: [],
    });
  });

  it('allows a policy without mx: when the mode is none', () => {
    expect(parseMtaStsPolicy('version: STSv1\nmode: none\nmax_age: 86400\n').errors).toEqual([]);
  });

  it('requires version, mode, max_age, and mx: unless the mode is none', () => {
    expect(parseMtaStsPolicy('').errors).toEqual([
      'There is no version: STSv1 line.',
      'There is no mode: line.',
      'There is no max_age: line.',
      'There is no mx: line; a policy other than mode: none must list the mail servers.',
    ]);
  });

  it('refuses bad values', () => {
    const parse = parseMtaStsPolicy('version: STSv2\nmode: strict\nmx: mail example\nmx: *\nmax_age: 31557601\n');
    expect(parse.errors).toEqual([
      'version: STSv2 is not STSv1.',
      'mode: strict is not enforce, testing or none.',
      'mx: mail example is not a host name or *.domain pattern.',
      'mx: * is not a host name or *.domain pattern.',
      'max_age: 31557601 is not a number of seconds from 0 to 31557600.',
    ]);
  });

  it('accepts max_age up to a year', () => {
    expect(parseMtaStsPolicy('version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 31557600').maxAge).toBe(31557600);
  });

  it('ignores unknown keys, flags repeated single keys', () => {
    const parse = parseMtaStsPolicy(`${policy}comment: hi\nmode: none\n`);
    expect(parse.unknownKeys).toEqual(['comment']);
    expect(parse.mode).toBe('enforce');
    expect(parse.errors).toEqual(['mode: appears more than once.']);
  });

  it('reports lines that are not key: value (an HTML error page served as the policy)', () => {
    const parse = parseMtaStsPolicy('<html><body>Not found</body></html>');
    expect(parse.errors[0]).toBe('"<html><body>Not found</body></html>" is not a key: value line.');
  });

  it('reads at most 1000 lines', () => {
    expect(parseMtaStsPolicy('x: y\n'.repeat(2000)).errors[0]).toContain('more than 1000 lines');
  });
});

describe('mxMatchesPolicy (RFC 8461 §4.1)', () => {
  it('matches host names exactly, ignoring case and a trailing dot', () => {
    expect(mxMatchesPolicy('Mail.Example.com.', ['mail.example.com'])).toBe(true);
    expect(mxMatchesPolicy('mail.example.com', ['MAIL.example.com.'])).toBe(true);
    expect(mxMatchesPolicy('mail2.example.com', ['mail.example.com'])).toBe(false);
  });

  it('lets *.example.com match exactly one more label on the left', () => {
    expect(mxMatchesPolicy('mx1.example.com', ['*.example.com'])).toBe(true);
    expect(mxMatchesPolicy('example.com', ['*.example.com'])).toBe(false);
    expect(mxMatchesPolicy('a.b.example.com', ['*.example.com'])).toBe(false);
    expect(mxMatchesPolicy('mx1.badexample.com', ['*.example.com'])).toBe(false);
  });

  it('matches nothing for an empty host or no patterns', () => {
    expect(mxMatchesPolicy('', ['*.example.com'])).toBe(false);
    expect(mxMatchesPolicy('mx.example.com', [])).toBe(false);
  });
});
