import { describe, expect, it } from 'vitest';
import { commentWords, tokenize } from './header-tokens';

const kinds = (text: string, specials = ';') => tokenize(text, specials).map((token) => [token.kind, token.text]);

describe('tokenize: structured header fields (RFC 5322 §3.2)', () => {
  it('splits words, specials, quoted strings, literals and comments', () => {
    expect(kinds('from a.example ([192.0.2.1]) "q;x" [IPv6:2001:db8::1];date')).toEqual([
      ['word', 'from'],
      ['word', 'a.example'],
      ['comment', '[192.0.2.1]'],
      ['quoted', 'q;x'],
      ['literal', 'IPv6:2001:db8::1'],
      ['special', ';'],
      ['word', 'date'],
    ]);
  });

  it('nests comments, and a quoted ")" does not close one (§3.2.2)', () => {
    expect(kinds('(a (b) \\) c) d')).toEqual([
      ['comment', 'a (b) \\) c'],
      ['word', 'd'],
    ]);
  });

  it('undoes quoted-pairs in quoted strings (§3.2.4)', () => {
    expect(kinds('"a\\"b\\\\c"')).toEqual([['quoted', 'a"b\\c']]);
  });

  it('runs an unterminated comment, quote or literal to the end', () => {
    expect(kinds('x (open')).toEqual([
      ['word', 'x'],
      ['comment', 'open'],
    ]);
    expect(kinds('"open')).toEqual([['quoted', 'open']]);
    expect(kinds('[open')).toEqual([['literal', 'open']]);
  });

  it('gives offsets that cover the delimiters', () => {
    const [comment] = tokenize('(a)', '');
    expect([comment!.start, comment!.end]).toEqual([0, 3]);
  });
});

describe('commentWords', () => {
  it('flattens nested comments into their tokens', () => {
    expect(commentWords('host [198.51.100.7] (may be forged)').map((token) => token.text)).toEqual(['host', '198.51.100.7', 'may', 'be', 'forged']);
  });
});
