import { describe, it, expect } from 'vitest';
import { stripWrapping } from './strip-wrapping';

describe('stripWrapping', () => {
  it.each([
    ['  example.com \n', 'example.com'],
    ['"example.com"', 'example.com'],
    ['<a@example.com>', 'a@example.com'],
    ['“example.com”', 'example.com'],
    ['(example.com),', 'example.com'],
    ['  "<a@example.com>",  ', 'a@example.com'],
    ['example.com;', 'example.com'],
    ['- example.com', 'example.com'],
    ['\u200Bexample.com\uFEFF', 'example.com'],
    ['\u00A0example.com\u00A0', 'example.com'],
  ])('peels %j down to %j', (text, stripped) => {
    expect(stripWrapping(text)).toBe(stripped);
  });

  it.each([
    ['"quoted local"@example.com', 'a quote that does not wrap everything'],
    ['"John" <john@example.com>', 'a name-addr'],
    ['[2001:db8::1]', 'an IPv6 literal'],
    ['2001:db8::', 'an IPv6 address ending in ::'],
    ['example.com.', 'the trailing dot of an absolute name (the domain rules remove it)'],
  ])('leaves %j alone (%s)', (text) => {
    expect(stripWrapping(text)).toBe(text);
  });
});
