/** Issue #16: the codecs parse as RFC 1035 says, and refuse or leave out what it does not allow. */
import { describe, expect, it } from 'vitest';
import { decodeJsonMessage } from './json-codec';
import { decodeMessage } from './wire-codec';
import { WireFormatError, checkWireLayout } from './wire-layout';
import { decodeALabel } from './idna-label';
import { displayName } from './display-name';
import { spoofingOf } from './confusables';
import { isQueryableName } from './message';

const u16 = (n: number) => [n >> 8, n & 0xff];
const name = (labels: string[]) => [
  ...labels.flatMap((l) => {
    const b = [...new TextEncoder().encode(l)];
    return [b.length, ...b];
  }),
  0,
];
const header = (an: number) => [0, 0, 0x81, 0x80, ...u16(1), ...u16(an), 0, 0, 0, 0];
const question = [...name(['example', 'com']), ...u16(15), ...u16(1)];
const mx = (rdlength: number | null, klass = 1, exchange = ['mx', 'example', 'com']) => {
  const data = [...u16(10), ...name(exchange)];
  return [0xc0, 12, ...u16(15), ...u16(klass), 0, 0, 1, 44, ...u16(rdlength ?? data.length), ...data];
};
const message = (...records: number[][]) => new Uint8Array([...header(records.length), ...question, ...records.flat()]);

describe('wire layout', () => {
  it('refuses an MX whose RDLENGTH runs past the end, or does not match its data', () => {
    expect(() => decodeMessage(message(mx(500)))).toThrow(/answer record 1 of 1 says its data is 500 bytes, past the end/);
    expect(() => decodeMessage(message(mx(5)))).toThrow(WireFormatError);
    expect(() => decodeMessage(message(mx(30), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/the name ends before/);
    expect(decodeMessage(message(mx(null))).answers).toEqual([
      { name: 'example.com', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } },
    ]);
  });
  it('refuses counts that lie and A records of the wrong size', () => {
    const lying = message(mx(null));
    lying[7] = 3;
    expect(() => checkWireLayout(lying)).toThrow(/the header counts 3 answer records but the message ends before record 2/);
    const a = [0xc0, 12, ...u16(1), ...u16(1), 0, 0, 0, 1, ...u16(5), 192, 0, 2, 1, 9];
    expect(() => checkWireLayout(message(a))).toThrow(/an A record with 5 bytes of data instead of 4/);
  });
  it('leaves out records of class CH or HS, saying so', () => {
    const decoded = decodeMessage(message(mx(null, 3), mx(null, 4, ['mx2', 'example', 'com'])));
    expect(decoded.answers).toEqual([]);
    expect(decoded.dropped).toEqual([
      'an MX record of class CH came for example.com, and only class IN is Internet DNS (RFC 1035 §3.2.4), so MXray ignored it',
      'an MX record of class HS came for example.com, and only class IN is Internet DNS (RFC 1035 §3.2.4), so MXray ignored it',
    ]);
  });
  it('escapes a "." byte inside a label, so the name is never read or asked as another', () => {
    const decoded = decodeMessage(message(mx(null, 1, ['mail.evil', 'example', 'com'])));
    const exchange = (decoded.answers[0]!.data as { exchange: string }).exchange;
    expect(exchange).toBe('mail\\.evil.example.com');
    expect(isQueryableName(exchange)).toBe(false);
    expect(isQueryableName('mail.evil.example.com')).toBe(true);
  });
});

describe('JSON answers', () => {
  const json = (answer: object[], status = 0) => ({ Status: status, Question: [{ name: 'example.com.', type: 15 }], Answer: answer });
  it('refuses preferences over 16 bits and names over 255 octets; TTLs out of range become 0', () => {
    expect(() => decodeJsonMessage(json([{ name: 'example.com.', type: 15, TTL: 1, data: '70000 mx.example.com.' }]))).toThrow(/more than 16 bits/);
    expect(() => decodeJsonMessage(json([{ name: 'example.com.', type: 15, TTL: 1, data: `10 ${'a.'.repeat(140)}` }]))).toThrow(/longer than DNS allows/);
    expect(() => decodeJsonMessage(json([{ name: 'example.com.', type: 15, TTL: 1, data: '-1 mx.example.com.' }]))).toThrow(/unreadable MX/);
    for (const TTL of [-1, 2 ** 31, 1e12, 0.5, '300']) {
      expect(decodeJsonMessage(json([{ name: 'example.com.', type: 15, TTL, data: '10 mx.example.com.' }])).answers[0]!.ttl).toBe(0);
    }
  });
  it('keeps an unassigned Status as RCODE<n>, for the client to name', () => {
    expect(decodeJsonMessage(json([], 99)).rcode).toBe('RCODE99');
    expect(() => decodeJsonMessage({ Status: -1 })).toThrow();
  });
});

describe('IDNA labels from DNS', () => {
  it.each([
    ['xn--zug', /U\+200B/],
    ['xn--agpj-vd7a', /U\+202E/],
    ['xn--abc', /U\+0082/],
  ])('refuses %s as a U-label', (label, why) => {
    const decoded = decodeALabel(label);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem).toMatch(why);
  });
  it('shows invalid labels as A-labels and valid ones in Unicode', () => {
    expect(displayName('mx.xn--zug.example')).toBe('mx.xn--zug.example');
    expect(displayName('mx.xn--agpj-vd7a.example')).toBe('mx.xn--agpj-vd7a.example');
    expect(displayName('mx.xn--bcher-kva.example')).toBe('mx.bücher.example');
    expect(displayName('xn--pypal-4ve.com')).toBe('p\u0430ypal.com');
  });
  it('finds mixed scripts and Latin look-alikes, not ordinary IDNs', () => {
    expect(spoofingOf('p\u0430ypal.com')).toEqual({ mixed: ['Latin', 'Cyrillic'], looksLike: 'paypal.com' });
    expect(spoofingOf('bücher.de')).toBeUndefined();
    expect(spoofingOf('例え.jp')).toBeUndefined();
    expect(spoofingOf('пример.рф')).toBeUndefined();
  });
});
