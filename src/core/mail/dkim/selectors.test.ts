import { describe, expect, it } from 'vitest';
import { COMMON_DKIM_SELECTORS, normaliseSelector } from './selectors';

describe('COMMON_DKIM_SELECTORS', () => {
  it('has no duplicates, and every entry is a valid selector', () => {
    expect(new Set(COMMON_DKIM_SELECTORS).size).toBe(COMMON_DKIM_SELECTORS.length);
    for (const selector of COMMON_DKIM_SELECTORS) expect(normaliseSelector(selector)).toBe(selector);
  });

  it('tries the defaults of Google Workspace and Microsoft 365', () => {
    expect(COMMON_DKIM_SELECTORS).toEqual(expect.arrayContaining(['google', 'selector1', 'selector2']));
  });
});

describe('normaliseSelector (RFC 6376 §3.1)', () => {
  it('lower-cases and trims, and allows dotted selectors', () => {
    expect(normaliseSelector(' Selector1 ')).toBe('selector1');
    expect(normaliseSelector('2024.mail')).toBe('2024.mail');
    expect(normaliseSelector('s1.')).toBe('s1');
    expect(normaliseSelector('s1_2024')).toBe('s1_2024'); // not LDH, but published in the wild
  });

  it('refuses what is not a selector', () => {
    for (const text of ['', ' ', 'a b', 'a..b', '-a', 'a-', '<b>', 'x'.repeat(64), 'sel/1', '*']) expect(normaliseSelector(text), text).toBeUndefined();
  });
});
