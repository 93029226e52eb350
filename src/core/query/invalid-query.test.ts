import { describe, it, expect } from 'vitest';
import { InvalidQuery } from './invalid-query';
import { quoteInput, describeCharacter } from './quote-input';
import { parseQuery } from './parse-query';

function rejection(input: string): InvalidQuery {
  try {
    parseQuery(input);
  } catch (error) {
    if (error instanceof InvalidQuery) return error;
    throw error;
  }
  throw new Error(`accepted: ${input}`);
}

describe('InvalidQuery', () => {
  it('is an Error with a stable reason and a message for people', () => {
    const error = rejection('exa mple.com');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidQuery');
    expect(error.reason).toBe('bad-character');
    expect(error.input).toBe('exa mple.com');
    expect(error.message).toBe('"exa mple.com" has a space in it; a domain name has only letters, digits, hyphens and dots.');
  });

  it('serialises to plain data and back', () => {
    const error = rejection('chrome://extensions');
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toEqual({ code: 'invalid-query', reason: 'unsupported-scheme', input: 'chrome://extensions', message: error.message });
    const back = InvalidQuery.fromJSON(json);
    expect(back).toBeInstanceOf(InvalidQuery);
    expect(back.toJSON()).toEqual(json);
  });

  it('keeps at most 2,048 characters of what was typed', () => {
    const error = rejection('x'.repeat(100_000));
    expect(error.reason).toBe('too-long-input');
    expect(error.input).toHaveLength(2048);
    expect(error.message).toContain('100,000 characters');
  });

  it('never repeats more than 80 characters of the input in its message', () => {
    const long = `${'a'.repeat(300)} b.com`;
    const error = rejection(long);
    expect(error.message).toContain(`"${'a'.repeat(79)}…"`);
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('quoteInput', () => {
  it.each([
    ['example.com', '"example.com"'],
    ['a\nb\t c', '"a b c"'], // one line
    ['a\u200Bb', '"a\uFFFDb"'], // invisible characters made visible
    ['x'.repeat(81), `"${'x'.repeat(79)}…"`],
    [`${'x'.repeat(78)}😀😀`, `"${'x'.repeat(78)}…"`], // no half of a surrogate pair
  ])('shows %j as %s', (text, quoted) => {
    expect(quoteInput(text)).toBe(quoted);
  });
});

describe('describeCharacter', () => {
  it.each([
    [' ', 'a space'],
    [',', 'a comma'],
    ['!', '"!"'],
    ['\u3000', 'a space character (U+3000)'],
    ['\u200B', 'an invisible character (U+200B)'],
  ])('names %j as %s', (char, name) => {
    expect(describeCharacter(char)).toBe(name);
  });
});
