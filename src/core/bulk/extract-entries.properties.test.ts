import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntries } from './extract-entries';

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const domain = fc.tuple(label, fc.constantFrom('test', 'com', 'de', 'example')).map(([name, tld]) => `${name}.${tld}`);
const local = fc.stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,10}[a-z0-9])?$/).filter((text) => !text.includes('..'));
const address = fc.tuple(local, domain).map(([user, host]) => `${user}@${host}`);
const wrap = fc.constantFrom(
  (a: string) => a,
  (a: string) => `"Some One" <${a}>`,
  (a: string) => `write to ${a}, thanks`,
  (a: string) => `x,${a},y`,
);

describe('extractEntries (properties)', () => {
  it('never throws, and every non-blank line gives a domain or an invalid entry', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), { maxLength: 20 }), (lines) => {
        const text = lines.join('\n');
        const input = extractEntries(text);
        for (const bad of input.invalid) expect(bad.invalid.length).toBeGreaterThan(0);
        // Nothing silently dropped: a non-blank plain list yields something.
        if (text.trim() !== '') expect(input.domains.length + input.invalid.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('finds every address however it is wrapped, each domain once, with its distinct addresses counted', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(address, wrap), { minLength: 1, maxLength: 30 }), (entries) => {
        const text = entries.map(([a, w]) => w(a)).join('\n');
        const input = extractEntries(text);
        const expected = new Map<string, Set<string>>();
        for (const [a] of entries) {
          const host = a.slice(a.lastIndexOf('@') + 1);
          if (!expected.has(host)) expected.set(host, new Set());
          expected.get(host)!.add(a.toLowerCase());
        }
        expect(input.invalid).toEqual([]);
        expect(new Map(input.domains.map((d) => [d.domain, new Set(d.addresses.map((x) => x.toLowerCase()))]))).toEqual(expected);
        expect(input.addressCount).toBe(entries.length);
      }),
      { numRuns: 200 },
    );
  });
});
