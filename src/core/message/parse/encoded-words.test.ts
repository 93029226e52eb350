import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from './encoded-words';
import { displayText } from './display-text';
import { byteString } from './byte-string';

describe('decodeEncodedWords (RFC 2047)', () => {
  it('decodes the B encoding (base64)', () => {
    expect(decodeEncodedWords('=?utf-8?B?Q2Fmw6kgw6AgUGFyaXM=?=')).toBe('Café à Paris');
  });

  it('decodes the Q encoding: "_" is a space, "=XX" a byte (§4.2)', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?Caf=C3=A9_cr=C3=A8me?=')).toBe('Café crème');
  });

  it('reads the charset label in any case, and iso-8859-1 and windows-1252 bytes', () => {
    expect(decodeEncodedWords('=?ISO-8859-1?Q?Gr=FC=DFe?=')).toBe('Grüße');
    expect(decodeEncodedWords('=?windows-1252?Q?=80_5?=')).toBe('€ 5');
    expect(decodeEncodedWords('=?iso-8859-1?Q?=9F=E9?=')).toBe('Ÿé'); // read as windows-1252, as the Encoding Standard says
    expect(decodeEncodedWords('=?us-ascii?Q?plain?=')).toBe('plain');
  });

  it('ignores an RFC 2231 language suffix on the charset', () => {
    expect(decodeEncodedWords('=?utf-8*fr?Q?d=C3=A9j=C3=A0?=')).toBe('déjà');
  });

  it('keeps the text around encoded-words', () => {
    expect(decodeEncodedWords('Re: =?utf-8?Q?R=C3=A9union?= tomorrow')).toBe('Re: Réunion tomorrow');
  });

  it('drops the white space between adjacent encoded-words (§6.2)', () => {
    expect(decodeEncodedWords('=?utf-8?Q?Hello?= \r\n =?utf-8?Q?_world?=')).toBe('Hello world');
    expect(decodeEncodedWords('=?utf-8?Q?a?= =?iso-8859-1?Q?=E9?=')).toBe('aé');
  });

  it('keeps the white space between an encoded-word and ordinary text', () => {
    expect(decodeEncodedWords('=?utf-8?Q?a?= b =?utf-8?Q?c?=')).toBe('a b c');
  });

  it('joins a UTF-8 character split across two encoded-words', () => {
    // "é" is C3 A9; some senders cut the bytes between two words.
    expect(decodeEncodedWords('=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=')).toBe('café');
  });

  it('accepts base64 without its padding, as many senders write it', () => {
    expect(decodeEncodedWords('=?utf-8?B?w6k?=')).toBe('é');
  });

  it('leaves malformed encoded-words literal', () => {
    expect(decodeEncodedWords('=?utf-8?B?***?=')).toBe('=?utf-8?B?***?=');
    expect(decodeEncodedWords('=?utf-8?Q?bad=ZZ?=')).toBe('=?utf-8?Q?bad=ZZ?=');
    expect(decodeEncodedWords('=?utf-8?X?abc?=')).toBe('=?utf-8?X?abc?=');
    expect(decodeEncodedWords('=?utf-8?Q?unterminated')).toBe('=?utf-8?Q?unterminated');
  });

  it('leaves a word in an unknown charset as written', () => {
    expect(decodeEncodedWords('=?x-no-such-charset?Q?abc?=')).toBe('=?x-no-such-charset?Q?abc?=');
  });

  it('keeps the space between a good word and a malformed one', () => {
    expect(decodeEncodedWords('=?utf-8?Q?a?= =?utf-8?B?*?= =?utf-8?Q?b?=')).toBe('a =?utf-8?B?*?= b');
  });

  it('returns text without encoded-words unchanged', () => {
    expect(decodeEncodedWords('Quarterly report, 2026')).toBe('Quarterly report, 2026');
  });

  it('finishes fast on a long hostile run of "=?"', () => {
    const hostile = '=?'.repeat(200_000) + '=?utf-8?Q?' + 'a'.repeat(200_000);
    const started = performance.now();
    decodeEncodedWords(hostile);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('displayText', () => {
  it('reads UTF-8 header bytes (RFC 6532) and then encoded-words', () => {
    expect(displayText(byteString('Grüße =?utf-8?Q?=C3=A0?= vous'))).toBe('Grüße à vous');
  });

  it('shows bytes that are not UTF-8 as U+FFFD instead of failing', () => {
    expect(displayText('Gr\xfc\xdfe')).toBe('Gr\ufffd\ufffde');
  });
});
