import { describe, expect, it } from 'vitest';
import { splitMultipart } from './split-multipart';

describe('splitMultipart (RFC 2046 §5.1.1)', () => {
  it('keeps preamble and epilogue apart, and the CRLF before a delimiter out of the part', () => {
    const body = 'preamble\r\n--b\r\nA: 1\r\n\r\none\r\n--b  \r\n\r\ntwo\r\n--b--\r\nepilogue';
    const split = splitMultipart(body, 'b');
    expect(split.preamble).toBe('preamble');
    expect(split.parts).toEqual(['A: 1\r\n\r\none', '\r\ntwo']);
    expect(split.epilogue).toBe('epilogue');
    expect(split.closed).toBe(true);
  });

  it('does not take a longer boundary that starts with this one for a delimiter', () => {
    const split = splitMultipart('--b\r\nx\r\n--bc\r\ny\r\n--b--', 'b');
    expect(split.parts).toEqual(['x\r\n--bc\r\ny']);
  });

  it('keeps the last part when the close delimiter is missing', () => {
    const split = splitMultipart('--b\nfirst\n--b\nsecond\nstill second', 'b');
    expect(split.parts).toEqual(['first', 'second\nstill second']);
    expect(split.closed).toBe(false);
  });

  it('stops at the part limit', () => {
    const split = splitMultipart('--b\n1\n--b\n2\n--b\n3\n--b--', 'b', 2);
    expect(split.parts).toEqual(['1', '2']);
    expect(split.truncated).toBe(true);
  });

  it('finds nothing without a delimiter, or with an empty boundary', () => {
    expect(splitMultipart('no parts here', 'b').parts).toEqual([]);
    expect(splitMultipart('--\n', '').parts).toEqual([]);
  });
});
