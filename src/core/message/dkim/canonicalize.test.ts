import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeBody, canonicalizeHeader } from './canonicalize';

const CRLF = '\r\n';

describe('canonicalizeHeader', () => {
  it('follows the RFC 6376 §3.4.6 example in relaxed mode', () => {
    expect(canonicalizeHeader('A: X', 'relaxed')).toBe('a:X');
    expect(canonicalizeHeader('B : Y\t\r\n\tZ  ', 'relaxed')).toBe('b:Y Z');
  });

  it('leaves the field as it is in simple mode (RFC 6376 §3.4.1)', () => {
    expect(canonicalizeHeader('B : Y\t\r\n\tZ  ', 'simple')).toBe('B : Y\t\r\n\tZ  ');
  });

  it('lower-cases only ASCII letters: 8-bit bytes are bytes, not Latin-1 letters', () => {
    expect(canonicalizeHeader('X-\xc0Name: \xc0', 'relaxed')).toBe('x-\xc0name:\xc0');
  });

  it('is idempotent in relaxed mode', () => {
    const field = fc.array(fc.constantFrom('A', 'b', ' ', '\t', '\r\n ', ':', '\xe9', 'x'), { maxLength: 40 }).map((parts) => `N${parts.join('')}`);
    fc.assert(
      fc.property(field, (raw) => {
        const once = canonicalizeHeader(raw, 'relaxed');
        expect(canonicalizeHeader(once, 'relaxed')).toBe(once);
      }),
    );
  });
});

describe('canonicalizeBody', () => {
  const example = ` C ${CRLF}D \t E${CRLF}${CRLF}${CRLF}`;

  it('follows the RFC 6376 §3.4.6 example', () => {
    expect(canonicalizeBody(example, 'relaxed')).toBe(` C${CRLF}D E${CRLF}`);
    expect(canonicalizeBody(example, 'simple')).toBe(` C ${CRLF}D \t E${CRLF}`);
  });

  it('makes an empty body one CRLF in simple mode and empty in relaxed mode (RFC 6376 §3.4.3, §3.4.4)', () => {
    expect(canonicalizeBody('', 'simple')).toBe(CRLF);
    expect(canonicalizeBody('', 'relaxed')).toBe('');
    expect(canonicalizeBody(`${CRLF}${CRLF}`, 'simple')).toBe(CRLF);
    expect(canonicalizeBody(` ${CRLF}\t${CRLF}`, 'relaxed')).toBe('');
  });

  it('adds the missing CRLF at the end', () => {
    expect(canonicalizeBody('abc', 'simple')).toBe(`abc${CRLF}`);
    expect(canonicalizeBody('abc \t', 'relaxed')).toBe(`abc${CRLF}`);
  });

  it('applies l= after canonicalisation, and refuses an l= longer than the body (RFC 6376 §3.4.5)', () => {
    expect(canonicalizeBody(`a  b${CRLF}`, 'relaxed', 3)).toBe('a b');
    expect(canonicalizeBody(`ab${CRLF}`, 'relaxed', 5)).toBeUndefined();
    expect(canonicalizeBody('', 'simple', 2)).toBe(CRLF);
  });

  it('reads a long run of white space in linear time', () => {
    const body = `${' '.repeat(200_000)}x${'\t'.repeat(200_000)}`;
    const started = performance.now();
    expect(canonicalizeBody(body, 'relaxed')).toBe(` x${CRLF}`);
    expect(performance.now() - started).toBeLessThan(500);
  });

  const bodies = fc.array(fc.constantFrom('a', ' ', '\t', CRLF, '\r', '\n', '\xff', 'xy'), { maxLength: 60 }).map((parts) => parts.join(''));

  it('is idempotent: canonicalising twice equals once (both modes)', () => {
    fc.assert(
      fc.property(bodies, fc.constantFrom('simple' as const, 'relaxed' as const), (body, mode) => {
        const once = canonicalizeBody(body, mode)!;
        expect(canonicalizeBody(once, mode)).toBe(once);
      }),
    );
  });

  it('ignores trailing blank lines in relaxed mode', () => {
    fc.assert(
      fc.property(bodies, fc.array(fc.constantFrom(CRLF, ` ${CRLF}`, `\t${CRLF}`), { maxLength: 5 }), (body, blank) => {
        const ended = body === '' || body.endsWith(CRLF) ? body : body + CRLF;
        expect(canonicalizeBody(ended + blank.join(''), 'relaxed')).toBe(canonicalizeBody(ended, 'relaxed'));
      }),
    );
  });
});

describe('relaxed body canonicalisation, fast path', () => {
  it('matches the plain reading of RFC 6376 §3.4.4 (every WSP run to one SP) on arbitrary bodies', () => {
    const reference = (body: string) => {
      const reduced = body.replace(/[ \t]+/g, ' ').replace(/ \r\n/g, '\r\n');
      return reduced.endsWith(' ') ? reduced.slice(0, -1) : reduced;
    };
    const wsp = fc.constantFrom(' ', '\t', '\r\n', 'a', 'B', '  ', '\t ');
    fc.assert(
      fc.property(fc.array(wsp, { maxLength: 60 }), (parts) => {
        const body = parts.join('');
        expect(canonicalizeBody(body, 'relaxed')).toBe(canonicalizeBody(reference(body), 'relaxed'));
      }),
    );
  });
});
