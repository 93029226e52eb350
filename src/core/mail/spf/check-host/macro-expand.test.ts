import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanMacroString } from '../spf-macro';
import { expandMacros, type MacroValues } from './macro-expand';

/** RFC 7208 §7.4: strong-bad@email.example.com from 192.0.2.3 (and 2001:db8::cb01). */
const V4: MacroValues = {
  s: 'strong-bad@email.example.com',
  l: 'strong-bad',
  o: 'email.example.com',
  d: 'email.example.com',
  i: '192.0.2.3',
  v: 'in-addr',
  h: 'mx.example.org',
  c: '192.0.2.3',
  r: 'receiver.example.net',
  t: '1700000000',
};
const V6: MacroValues = { ...V4, i: '2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1', v: 'ip6', c: '2001:db8::cb01' };

const expand = (text: string, values = V4, explanation = false) => {
  const result = expandMacros(text, values, explanation);
  return result.ok ? result.text : `ERROR ${result.error}`;
};

describe('RFC 7208 §7.4 examples', () => {
  it.each([
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
    ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
    ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
  ])('%s -> %s', (text, expected) => expect(expand(text)).toBe(expected));

  it('IPv6: %{ir}.%{v}._spf.%{d2}', () => {
    expect(expand('%{ir}.%{v}._spf.%{d2}', V6)).toBe('1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com');
  });
});

describe('RFC 7208 §7.1-§7.3 rules', () => {
  it('§7.1 %% %_ %- are a percent, a space and an escaped space', () => {
    expect(expand('macro%%percent%_%_space%-url-space.example.com')).toBe('macro%percent  space%20url-space.example.com');
  });
  it('§7.1 a % not followed by {, %, _ or - is an error', () => {
    expect(expand('foo%.sbl.example.com')).toMatch(/^ERROR/);
    expect(expand('%(ir).sbl.example.com')).toMatch(/^ERROR/);
    expect(expand('%{d')).toMatch(/^ERROR/);
  });
  it('§7.2 c, r, t only in explanation text; unknown letters are errors', () => {
    expect(expand('%{c}')).toMatch(/allowed only in explanation/);
    expect(expand('%{c} %{r} %{t}', V4, true)).toBe('192.0.2.3 receiver.example.net 1700000000');
    expect(expand('%{a}.example.com')).toMatch(/not a macro letter/);
    expect(expand('%{x}', V4, true)).toMatch(/^ERROR/);
  });
  it('§7.3 IPv6 %{c} is RFC 5952 text, %{i} the nibbles', () => {
    expect(expand('%{c} is queried as %{ir}.%{v}.arpa', V6, true)).toBe(
      '2001:db8::cb01 is queried as 1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    );
  });
  it('§7.3 upper-case letters are URL-escaped (all but the unreserved set)', () => {
    expect(expand('http://example.com/why.html?l=%{L}', { ...V4, l: '~jack&jill=up-a_b3.c' }, true)).toBe(
      'http://example.com/why.html?l=~jack%26jill%3Dup-a_b3.c',
    );
  });
  it('§7.3 a zero digit transformer is an error; a large one keeps everything', () => {
    expect(expand('%{d0}')).toMatch(/zero/);
    expect(expand('%{d127}')).toBe('email.example.com');
  });
  it('§7.3 multiple delimiters split together', () => {
    expect(expand('%{l2r+-}.user.%{d2}', { ...V4, l: 'foo-bar+zip+quux' })).toBe('bar.foo.user.example.com');
  });
  it('explanation text keeps spaces and its trailing dot', () => {
    expect(expand('This is a test.', V4, true)).toBe('This is a test.');
    expect(expand('a b')).toMatch(/^ERROR/);
  });
});

const visible = fc.string({ unit: fc.constantFrom(...Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i))), maxLength: 40 });
const label = fc.stringMatching(/^[a-z0-9]{1,10}$/);
const domain = fc.array(label, { minLength: 1, maxLength: 6 }).map((labels) => labels.join('.'));

describe('properties of the expander', () => {
  it('text without "%" expands to itself', () => {
    fc.assert(
      fc.property(
        visible.filter((text) => !text.includes('%')),
        (text) => expand(text) === text,
      ),
    );
  });
  it('escaping every "%" as "%%" gives the text back', () => {
    fc.assert(fc.property(visible, (text) => expand(text.replaceAll('%', '%%')) === text));
  });
  it('accepts exactly what the record parser accepts (scanMacroString)', () => {
    const piece = fc.oneof(
      visible,
      fc.constantFrom('%{d}', '%{D2r}', '%{l-}', '%{c}', '%{x}', '%{d0}', '%', '%%', '%_', '%-', '%{', '}', '%{ir.-}', '%{s12r+}'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        return expandMacros(text, V4).ok === (scanMacroString(text).error === undefined);
      }),
    );
  });
  it('%{dN} keeps the rightmost N labels of d, and %{dr} twice is d', () => {
    fc.assert(
      fc.property(domain, fc.integer({ min: 1, max: 8 }), (d, n) => {
        const values = { ...V4, d };
        const kept = expand(`%{d${n}}`, values);
        const labels = d.split('.');
        const reversed = expand('%{dr}', values);
        return kept === labels.slice(-n).join('.') && expand('%{dr}', { ...V4, d: reversed }) === d;
      }),
    );
  });
  it('an upper-case letter is the lower-case value URL-escaped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (local) => {
        const text = expand('%{L}', { ...V4, l: local });
        return /^[A-Za-z0-9\-._~%]*$/.test(text) && decodeURIComponent(text) === local;
      }),
    );
  });
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.boolean(), (text, explanation) => {
        expandMacros(text, V4, explanation);
        return true;
      }),
    );
  });
});
