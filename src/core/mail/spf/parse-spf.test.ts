import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpfRecord, parseSpf } from './parse-spf';
import type { SpfMechanism, SpfModifier, SpfTerm } from './types';

const terms = (record: string) => parseSpf(record).terms;
const only = (term: string): SpfTerm => {
  const parsed = terms(`v=spf1 ${term}`);
  expect(parsed).toHaveLength(1);
  return parsed[0]!;
};
const errorOf = (term: string) => only(term).error;

describe('parseSpf: the version (RFC 7208 §4.5)', () => {
  it('takes "v=spf1" followed by a space or the end of the record, in any case', () => {
    expect(parseSpf('v=spf1').isSpf).toBe(true);
    expect(parseSpf('v=spf1 -all').isSpf).toBe(true);
    expect(parseSpf('V=SPF1 -all').isSpf).toBe(true);
    expect(isSpfRecord('v=Spf1 mx')).toBe(true);
  });

  it('rejects records that only look alike: v=spf10, v=spf1a, a leading space, DMARC, a tab after the version', () => {
    for (const record of ['v=spf10 -all', 'v=spf1a', ' v=spf1 -all', 'v=DMARC1; p=none', 'v=spf1\t-all', 'spf1 -all', '']) {
      expect(parseSpf(record)).toMatchObject({ isSpf: false, terms: [] });
      expect(isSpfRecord(record)).toBe(false);
    }
  });

  it('has no terms and no errors for a bare "v=spf1"', () => {
    expect(parseSpf('v=spf1')).toEqual({ isSpf: true, terms: [], errors: [] });
  });
});

describe('parseSpf: terms and white space (RFC 7208 §4.6.1)', () => {
  it('splits terms on runs of spaces, leading and trailing ones included', () => {
    expect(terms('v=spf1   a    mx  -all   ').map((term) => term.text)).toEqual(['a', 'mx', '-all']);
  });

  it('treats a tab as part of a term (only SP separates), which makes it an error', () => {
    const parsed = parseSpf('v=spf1 a\tmx -all');
    expect(parsed.terms.map((term) => term.text)).toEqual(['a\tmx', '-all']);
    expect(parsed.terms[0]!.error).toBeDefined();
  });

  it('reads mechanism and modifier names in any case, keeping the text as written', () => {
    expect(only('INCLUDE:_spf.Example.COM')).toMatchObject({
      kind: 'mechanism',
      name: 'include',
      text: 'INCLUDE:_spf.Example.COM',
      domain: '_spf.Example.COM',
    });
    expect(only('Redirect=example.com')).toMatchObject({ kind: 'modifier', name: 'redirect', value: 'example.com' });
    expect(only('-ALL')).toMatchObject({ name: 'all', qualifier: '-' });
  });
});

describe('parseSpf: qualifiers (RFC 7208 §4.6.2)', () => {
  it('reads + - ~ ? and defaults to +', () => {
    expect(terms('v=spf1 +a -mx ~ptr ?all include:x.example').map((term) => (term as SpfMechanism).qualifier)).toEqual(['+', '-', '~', '?', '+']);
  });

  it('rejects a qualifier on a modifier, and a doubled qualifier', () => {
    expect(errorOf('-redirect=example.com')).toMatch(/no qualifier/);
    expect(only('--all')).toMatchObject({ kind: 'invalid' });
  });
});

describe('parseSpf: mechanisms (RFC 7208 §5)', () => {
  it('all takes no argument', () => {
    expect(only('-all')).toEqual({ kind: 'mechanism', text: '-all', qualifier: '-', name: 'all', macro: false });
    expect(errorOf('all:example.com')).toMatch(/no argument/);
    expect(errorOf('all/24')).toMatch(/no argument/);
  });

  it('include and exists need a domain-spec', () => {
    expect(only('include:_spf.google.com')).toMatchObject({ name: 'include', domain: '_spf.google.com', macro: false });
    expect(only('include:example.com.')).not.toHaveProperty('error');
    expect(errorOf('include')).toMatch(/needs a domain/);
    expect(errorOf('include:')).toMatch(/domain is missing/);
    expect(errorOf('exists')).toMatch(/needs a domain/);
    expect(errorOf('include/24')).toMatch(/no prefix length/);
  });

  it('a and mx take an optional domain and dual cidr lengths: /24, //64, /24//64', () => {
    expect(only('a')).toEqual({ kind: 'mechanism', text: 'a', qualifier: '+', name: 'a', macro: false });
    expect(only('a/24')).toMatchObject({ cidr4: 24 });
    expect(only('a//64')).toMatchObject({ cidr6: 64 });
    expect(only('mx/24//64')).toMatchObject({ name: 'mx', cidr4: 24, cidr6: 64 });
    expect(only('a:mail.example.com/28')).toMatchObject({ domain: 'mail.example.com', cidr4: 28 });
    expect(only('mx:example.com//48')).toMatchObject({ domain: 'example.com', cidr6: 48 });
    expect(only('a/0//0')).toMatchObject({ cidr4: 0, cidr6: 0 });
  });

  it('rejects out-of-range, zero-padded and malformed cidr lengths', () => {
    expect(errorOf('a/33')).toMatch(/"\/33" is not an IPv4 prefix length/);
    expect(errorOf('a//129')).toMatch(/"\/129" is not an IPv6 prefix length/);
    expect(errorOf('a/024')).toMatch(/leading zeros/);
    expect(errorOf('mx:example.com/24/64')).toMatch(/not a valid prefix length/);
    expect(errorOf('a/x')).toMatch(/not a valid prefix length/);
    expect(errorOf('a:')).toMatch(/domain is missing/);
  });

  it('ptr takes an optional domain and no cidr', () => {
    expect(only('ptr')).toMatchObject({ name: 'ptr' });
    expect(only('ptr:example.com')).toMatchObject({ domain: 'example.com' });
    expect(errorOf('ptr/24')).toMatch(/no prefix length/);
  });

  it('ip4 takes a dotted quad and an optional /0-32', () => {
    expect(only('ip4:192.0.2.1')).toMatchObject({ network: '192.0.2.1' });
    expect(only('ip4:192.0.2.0/24')).toMatchObject({ network: '192.0.2.0', cidr4: 24 });
    expect(errorOf('ip4:300.1.1.1')).toBe('"300.1.1.1" is not an IPv4 address');
    expect(errorOf('ip4:192.0.2.01')).toMatch(/not an IPv4 address/);
    expect(errorOf('ip4:192.0.2')).toMatch(/not an IPv4 address/);
    expect(errorOf('ip4:2001:db8::1')).toMatch(/not an IPv4 address/);
    expect(errorOf('ip4:192.0.2.0/33')).toMatch(/0 to 32/);
    expect(errorOf('ip4:192.0.2.0/')).toMatch(/prefix length/);
    expect(errorOf('ip4:192.0.2.0//64')).toMatch(/prefix length/);
    expect(errorOf('ip4')).toMatch(/needs an IPv4 address/);
    expect(errorOf('ip4:')).toMatch(/needs an IPv4 address/);
  });

  it('ip6 takes any RFC 4291 form and an optional /0-128, canonicalised', () => {
    expect(only('ip6:2001:DB8:0:0::1')).toMatchObject({ network: '2001:db8::1' });
    expect(only('ip6:2001:db8::/32')).toMatchObject({ network: '2001:db8::', cidr6: 32 });
    expect(only('ip6:::ffff:192.0.2.1')).toMatchObject({ network: '::ffff:192.0.2.1' });
    expect(errorOf('ip6:192.0.2.1')).toMatch(/not an IPv6 address/);
    expect(errorOf('ip6:2001:db8:::1')).toMatch(/not an IPv6 address/);
    expect(errorOf('ip6:2001:db8::/129')).toMatch(/0 to 128/);
  });

  it('an unknown mechanism is an error naming it', () => {
    expect(only('foo:bar.example')).toEqual({ kind: 'invalid', text: 'foo:bar.example', macro: false, error: '"foo" is not an SPF mechanism' });
    expect(only('ip:192.0.2.1').error).toBe('"ip" is not an SPF mechanism');
    expect(only('a-b').kind).toBe('invalid');
    expect(only('1.2.3.4').error).toMatch(/neither a mechanism nor a modifier/);
  });
});

describe('parseSpf: domain-specs', () => {
  it('need to end in a top-level label (RFC 7208 §7.1 domain-end)', () => {
    expect(errorOf('include:localhost')).toMatch(/does not end in a top-level domain/);
    expect(errorOf('include:example.123')).toMatch(/top-level/);
    expect(only('include:example.xn--p1ai').error).toBeUndefined();
  });

  it('must be names DNS can hold when they have no macro', () => {
    expect(errorOf('include:a..example.com')).toMatch(/not a valid domain name/);
    expect(errorOf(`include:${'x'.repeat(64)}.example.com`)).toMatch(/not a valid domain name/);
    expect(errorOf(`include:${'abc.'.repeat(64)}com`)).toMatch(/not a valid domain name/);
    expect(errorOf('include:<b>hi</b>.example.com')).toMatch(/not a valid domain name/);
  });

  it('reject non-ASCII and control characters, naming them', () => {
    expect(errorOf('include:bücher.example')).toBe('the non-ASCII character "ü" is not allowed in SPF');
    expect(errorOf('include:a\u0007.example.com')).toBe('the control character U+0007 is not allowed in SPF');
  });
});

describe('parseSpf: modifiers (RFC 7208 §6)', () => {
  it('reads redirect= and exp= with a domain-spec', () => {
    expect(only('redirect=_spf.example.com')).toEqual({
      kind: 'modifier',
      text: 'redirect=_spf.example.com',
      name: 'redirect',
      value: '_spf.example.com',
      macro: false,
    });
    expect(only('exp=explain.example.com')).toMatchObject({ name: 'exp', value: 'explain.example.com' });
    expect(errorOf('redirect=')).toMatch(/needs a domain/);
    expect(errorOf('exp=nodot')).toMatch(/top-level/);
  });

  it('keeps unknown modifiers (receivers ignore them) if their value is a macro-string', () => {
    expect(only('foo=bar')).toEqual({ kind: 'modifier', text: 'foo=bar', name: 'foo', value: 'bar', macro: false });
    expect(only('x-custom=')).toMatchObject({ name: 'x-custom', value: '' });
    expect(errorOf('foo=50%')).toMatch(/"%" must start a macro/);
  });

  it('reads "include=example.com" as a modifier (the finding says it is ignored)', () => {
    expect(only('include=example.com')).toMatchObject({ kind: 'modifier', name: 'include', value: 'example.com' });
  });

  it('makes a second redirect= or exp= an error, the first one kept', () => {
    const parsed = parseSpf('v=spf1 redirect=a.example redirect=b.example exp=x.example exp=y.example');
    expect(parsed.terms.map((term) => term.error)).toEqual([
      undefined,
      'redirect= may appear only once in a record',
      undefined,
      'exp= may appear only once in a record',
    ]);
    expect(parsed.errors).toEqual([
      '"redirect=b.example": redirect= may appear only once in a record',
      '"exp=y.example": exp= may appear only once in a record',
    ]);
  });
});

describe('parseSpf: macros (RFC 7208 §7), recognised and never expanded', () => {
  it('marks terms that use macros, and does not resolve them', () => {
    expect(only('exists:%{i}._spf.example.com')).toMatchObject({ name: 'exists', domain: '%{i}._spf.example.com', macro: true });
    expect(only('include:%{ir}.%{v}._spf.%{d2}')).toMatchObject({ macro: true });
    expect(only('a:%{l1r-}.example.com/24')).toMatchObject({ macro: true, cidr4: 24 });
    expect(only('redirect=%{d}.example.net')).toMatchObject({ macro: true });
    expect(only('include:_spf.example.com')).toMatchObject({ macro: false });
  });

  it('takes upper-case letters, transformers and every delimiter', () => {
    for (const term of ['exists:%{S}.x.example', 'exists:%{h10r.-+,/_=}.x.example', 'exists:%%.%_.%-.x.example', 'exists:%{p}.example.com', 'exists:x.%{o}']) {
      expect(only(term).error, term).toBeUndefined();
    }
  });

  it('rejects a lone %, unknown letters, unclosed braces and a zero digit transformer', () => {
    expect(errorOf('exists:%x.example.com')).toMatch(/"%" must start a macro/);
    expect(errorOf('exists:x.example.com%')).toMatch(/"%" must start a macro/);
    expect(errorOf('exists:%{x}.example.com')).toMatch(/"%\{x" is not a macro/);
    expect(errorOf('exists:%{i.example.com')).toMatch(/not valid/);
    expect(errorOf('exists:%{}.example.com')).toMatch(/not valid/);
    expect(errorOf('exists:%{d0}.example.com')).toMatch(/must not be 0/);
  });

  it('allows c, r and t only in explanation text, not in a record', () => {
    expect(errorOf('exists:%{c}.example.com')).toMatch(/only in explanation text/);
    expect(errorOf('exp=%{t}.example.com')).toMatch(/only in explanation text/);
  });
});

describe('parseSpf: hostile and odd input', () => {
  it('keeps HTML as plain data: it is just a term with an error', () => {
    const parsed = parseSpf('v=spf1 <script>alert(1)</script> include:"><img/src=x> -all');
    expect(parsed.isSpf).toBe(true);
    expect(parsed.terms.map((term) => term.text)).toEqual(['<script>alert(1)</script>', 'include:"><img/src=x>', '-all']);
    expect(parsed.terms[0]!.error).toBeDefined();
    expect(parsed.terms[1]!.error).toBeDefined();
  });

  it('parses a 10,000-character record quickly', () => {
    const long = `v=spf1 ${'ip4:192.0.2.1 include:%{i}.x.example a:/1/1/1 '.repeat(250)}-all`;
    const started = performance.now();
    const parsed = parseSpf(long);
    expect(performance.now() - started).toBeLessThan(200);
    expect(parsed.terms).toHaveLength(751);
    const slashes = `v=spf1 a:${'/1'.repeat(5000)} exists:${'%{d}'.repeat(2500)} ${'%'.repeat(10000)}`;
    const again = performance.now();
    expect(parseSpf(slashes).terms).toHaveLength(3);
    expect(performance.now() - again).toBeLessThan(200);
  });

  it('never throws, whatever follows "v=spf1 "', () => {
    // SPF-shaped noise finds more corners than random text: pieces of terms in any order.
    const pieces = [
      'a',
      'mx',
      'ptr',
      'all',
      'ip4',
      'ip6',
      'include',
      'exists',
      'redirect',
      'exp',
      ':',
      '/',
      '//',
      '=',
      '%',
      '%{',
      '}',
      'd',
      'i',
      '0',
      '24',
      '1.2.3.4',
      '::',
      '.',
      'com',
      '-',
      '+',
      '~',
      '?',
      ' ',
      '\t',
      'é',
      '<',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const parsed = parseSpf(`v=spf1 ${parts.join('')}`);
        expect(parsed.isSpf).toBe(true);
        for (const term of parsed.terms) expect(term.text).not.toContain(' ');
        expect(parsed.errors).toHaveLength(parsed.terms.filter((term) => term.error).length);
      }),
      { numRuns: 500 },
    );
    // Any UTF-16 unit, lone surrogates included.
    const anyUnit = fc.nat(0xffff).map((code) => String.fromCharCode(code));
    fc.assert(fc.property(fc.string({ unit: anyUnit, maxLength: 100 }), (text) => void parseSpf(`v=spf1 ${text}`)));
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => void parseSpf(text)));
    expect(parseSpf(undefined as unknown as string).isSpf).toBe(false);
  });

  it('collects every term error as a sentence naming the term', () => {
    expect(parseSpf('v=spf1 ip4:1.2.3 foo -all').errors).toEqual(['"ip4:1.2.3": "1.2.3" is not an IPv4 address', '"foo": "foo" is not an SPF mechanism']);
  });
});

it('types a modifier and a mechanism apart', () => {
  const [mechanism, modifier] = terms('v=spf1 a exp=x.example') as [SpfMechanism, SpfModifier];
  expect(mechanism.kind).toBe('mechanism');
  expect(modifier.kind).toBe('modifier');
});
