import { describe, expect, it } from 'vitest';
import { DETAILS } from './status-details';
import { basicCodeWords, describeStatus, parseStatusCode, statusSentence } from './status-codes';

describe('RFC 3463 enhanced status codes', () => {
  it('reads class, subject and detail, and rejects what is not a code', () => {
    expect(parseStatusCode(' 5.7.26 ')).toBe('5.7.26');
    expect(parseStatusCode('5.07.001')).toBe('5.7.1');
    expect(parseStatusCode('3.1.1')).toBeNull();
    expect(parseStatusCode('5.1')).toBeNull();
    expect(parseStatusCode('5.1.1000')).toBeNull();
  });

  it('says the class in words (RFC 3463 §3.1)', () => {
    expect(describeStatus('2.0.0')?.classWords).toBe('success');
    expect(describeStatus('4.2.2')?.classWords).toBe('temporary failure');
    expect(describeStatus('5.2.2')?.classWords).toBe('permanent failure');
  });

  it.each([
    ['5.1.1', /recipient mailbox does not exist/],
    ['5.1.10', /null MX/],
    ['4.4.7', /expired/],
    ['5.7.23', /SPF failed/],
    ['5.7.24', /SPF record could not be evaluated/],
    ['5.7.25', /reverse DNS/],
    ['5.7.26', /several authentication checks failed/],
    ['5.7.27', /null MX/],
    ['4.7.28', /flood/],
    ['5.7.29', /ARC/],
    ['5.7.30', /REQUIRETLS/],
  ])('explains %s', (code, words) => {
    expect(statusSentence(code)).toMatch(words);
  });

  it('names the RFC behind the later codes', () => {
    expect(describeStatus('5.7.26')?.rfc).toBe('RFC 7372');
    expect(describeStatus('5.7.27')?.rfc).toBe('RFC 7505');
    expect(describeStatus('5.7.29')?.rfc).toBe('RFC 8617');
    expect(describeStatus('5.1.1')?.rfc).toBe('RFC 3463');
  });

  it('has words for every registered detail, X.0.0 to X.7.30', () => {
    const expected = { 0: 0, 1: 10, 2: 4, 3: 6, 4: 7, 5: 6, 6: 10, 7: 30 };
    for (const [subject, last] of Object.entries(expected)) {
      for (let detail = 0; detail <= last; detail++) expect(DETAILS[`${subject}.${detail}`], `${subject}.${detail}`).toBeDefined();
    }
  });

  it('says when a code is not in the registry', () => {
    expect(statusSentence('5.7.509')).toBe('5.7.509 (permanent failure): a code the registry does not list, about security or policy.');
  });

  it('reads basic reply codes by their first digit (RFC 5321 §4.2.1)', () => {
    expect(basicCodeWords(554)).toBe('permanent failure');
    expect(basicCodeWords(421)).toBe('temporary failure');
  });
});
