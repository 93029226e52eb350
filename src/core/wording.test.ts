import { describe, expect, it } from 'vitest';
import { aliasTargets, countOf, domainDisplay, listOf, mailTo, sentences } from './wording';
import { testQuery } from './routing-checks/test-report';

describe('wording', () => {
  it('lists things the way people write them', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['a'])).toBe('a');
    expect(listOf(['a', 'b'])).toBe('a and b');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('counts in singular and plural', () => {
    expect(countOf(1, 'server')).toBe('1 server');
    expect(countOf(2, 'server')).toBe('2 servers');
    expect(countOf(2, 'address', 'addresses')).toBe('2 addresses');
  });

  it('shows the domain of an email query in Unicode, whatever display holds', () => {
    const query = testQuery('xn--bcher-kva.de', { kind: 'email', display: 'bücher.de', email: 'anna@xn--bcher-kva.de' });
    expect(domainDisplay(query)).toBe('bücher.de');
    expect(domainDisplay({ ...query, display: 'anna@bücher.de' })).toBe('bücher.de');
    expect(mailTo(query)).toBe('mail to anna@bücher.de');
  });

  it('keeps a quoted local part with an @ in it whole', () => {
    const query = testQuery('example.com', { kind: 'email', email: '"a@b"@example.com' });
    expect(mailTo(query)).toBe('mail to "a@b"@example.com');
  });

  it('speaks of the domain for domain queries', () => {
    expect(mailTo(testQuery('example.com'))).toBe('mail to example.com');
  });

  it('drops the starting name from an alias chain when it is listed', () => {
    expect(aliasTargets('a.example', ['a.example', 'b.example'])).toEqual(['b.example']);
    expect(aliasTargets('a.example', ['b.example'])).toEqual(['b.example']);
  });

  it('joins sentences without double spaces', () => {
    expect(sentences('One.', '', 'Two.')).toBe('One. Two.');
  });
});
