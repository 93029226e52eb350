/**
 * TXT (RFC 1035 §3.3.14) and the record with no strings at all (issue #23, section 5): the wire
 * layout, the wire codec and the JSON codec agree that such a record is left out on its own,
 * with a note, while a string running past RDLENGTH still makes the message malformed.
 */
import { describe, expect, it } from 'vitest';
import { decodeJsonMessage } from '../json-codec';
import { decodeMessage } from '../wire-codec';
import { checkWireLayout, WireFormatError } from '../wire-layout';
import { TXT } from './txt';

const u16 = (n: number) => [n >> 8, n & 0xff];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const string = (text: string) => [text.length, ...ascii(text)];
/** "null.example.com TXT" answered with one record per RDATA given, each pointing back to the question name. */
const txtAnswer = (...rdatas: number[][]) =>
  new Uint8Array([
    ...[0, 0, 0x81, 0x80, ...u16(1), ...u16(rdatas.length), 0, 0, 0, 0],
    ...[...string('null'), ...string('example'), ...string('com'), 0, ...u16(16), ...u16(1)],
    ...rdatas.flatMap((rdata) => [0xc0, 12, ...u16(16), ...u16(1), 0, 0, 1, 44, ...u16(rdata.length), ...rdata]),
  ]);
const SPF = [...string('v=spf1 ip4:'), ...string('192.0.2.5 -all')];
const NOTE =
  'a TXT record for null.example.com had no strings at all (RDLENGTH 0; RFC 1035 §3.3.14 asks for at least one), so MXray ignored that record and kept the others';

describe('a TXT record with no strings (RDLENGTH 0)', () => {
  it('is left out with a note, the other records kept (wire)', () => {
    const bytes = txtAnswer([], SPF);
    expect(() => checkWireLayout(bytes)).not.toThrow();
    const message = decodeMessage(bytes);
    expect(message.answers).toEqual([{ name: 'null.example.com', type: 'TXT', ttl: 300, data: ['v=spf1 ip4:', '192.0.2.5 -all'] }]);
    expect(message.dropped).toEqual([NOTE]);
  });

  it('alone leaves an answer with no records, not a malformed one', () => {
    const message = decodeMessage(txtAnswer([]));
    expect(message.rcode).toBe('NOERROR');
    expect(message.answers).toEqual([]);
    expect(message.dropped).toEqual([NOTE]);
  });

  it('is not one empty string: RDLENGTH 1 holding a zero length is a record, kept', () => {
    expect(decodeMessage(txtAnswer([0], SPF)).answers.map((r) => r.data)).toEqual([[''], ['v=spf1 ip4:', '192.0.2.5 -all']]);
  });

  it('is left out of a JSON answer the same way: Google\'s "" and the generic \\# 0', () => {
    for (const empty of ['', '\\# 0']) {
      const message = decodeJsonMessage({
        Status: 0,
        Answer: [
          { name: 'null.example.com.', type: 16, TTL: 300, data: empty },
          { name: 'null.example.com.', type: 16, TTL: 300, data: '"v=spf1 ip4:" "192.0.2.5 -all"' },
        ],
      });
      expect(message.answers).toEqual([{ name: 'null.example.com', type: 'TXT', ttl: 300, data: ['v=spf1 ip4:', '192.0.2.5 -all'] }]);
      expect(message.dropped).toEqual([NOTE]);
    }
  });
});

describe('a TXT record whose strings do not fill RDLENGTH', () => {
  it.each([
    ['a string running past RDLENGTH', [5, ...ascii('abc')]],
    ['a second string running past it', [...string('v=spf1'), 9, ...ascii('-all')]],
  ])('makes the message malformed: %s', (_name, rdata) => {
    expect(() => decodeMessage(txtAnswer(rdata, SPF))).toThrow(/answer record 1 of 2 is a TXT record whose last string runs past its data length/);
    expect(() => decodeMessage(txtAnswer(rdata, SPF))).toThrow(WireFormatError);
  });

  it('in a JSON answer, in the generic form, as well', () => {
    expect(() => decodeJsonMessage({ Status: 0, Answer: [{ name: 'x.', type: 16, TTL: 1, data: '\\# 4 05616263' }] })).toThrow(/runs past/);
  });
});

describe('TXT presentation (RFC 1035 §5.1)', () => {
  it('quotes each string, escaping quotes, backslashes and bytes outside printable ASCII', () => {
    expect(TXT.present(['v=spf1 ', '-all'])).toBe('"v=spf1 " "-all"');
    expect(TXT.present(['say "hi" \\', 'é\u0000'])).toBe('"say \\"hi\\" \\\\" "\\195\\169\\000"');
    expect(TXT.value(['v=spf1 ', '-all'])).toBe('v=spf1 -all');
  });
});
