/** TLSA (RFC 6698 §2): read from both formats, presented as §2.2 writes it, hostile data refused. */
import { describe, expect, it } from 'vitest';
import { decodeJsonMessage, JsonAnswerError } from '../json-codec';
import { decodeMessage } from '../wire-codec';
import { WireFormatError } from '../wire-layout';
import { TLSA } from './tlsa';

const u16 = (n: number) => [n >> 8, n & 0xff];
const QUESTION = [4, ...'_25_'.split('').map((c) => c.charCodeAt(0)), 0, ...u16(52), ...u16(1)]; // a one-label name is enough
/** An answer with one TLSA record whose RDATA is `rdata`, RDLENGTH `rdlength` (default: its length). */
const tlsaAnswer = (rdata: number[], rdlength = rdata.length) =>
  new Uint8Array([0, 0, 0x81, 0xa0, ...u16(1), ...u16(1), 0, 0, 0, 0, ...QUESTION, 0xc0, 12, ...u16(52), ...u16(1), 0, 0, 0, 60, ...u16(rdlength), ...rdata]);
const SHA256 = Array.from({ length: 32 }, (_, i) => i);
const HEX = SHA256.map((b) => b.toString(16).padStart(2, '0')).join('');
const json = (data: string) => decodeJsonMessage({ Status: 0, AD: true, Answer: [{ name: '_25._tcp.mx.example.', type: 52, TTL: 60, data }] }).answers;

describe('TLSA (RFC 6698)', () => {
  it('reads usage, selector, matching type and the association data as lower-case hex', () => {
    const message = decodeMessage(tlsaAnswer([3, 1, 1, ...SHA256]));
    expect(message.flags.ad).toBe(true);
    expect(message.questions).toEqual([{ name: '_25_', type: 'TLSA' }]);
    expect(message.answers).toEqual([{ name: '_25_', type: 'TLSA', ttl: 60, data: { usage: 3, selector: 1, matchingType: 1, data: HEX } }]);
  });

  it('keeps values the DANE section judges, not the codec: unknown usages, a hash of the wrong length, no data', () => {
    expect(decodeMessage(tlsaAnswer([9, 7, 5, 0xab])).answers[0]!.data).toEqual({ usage: 9, selector: 7, matchingType: 5, data: 'ab' });
    expect(decodeMessage(tlsaAnswer([3, 1, 1])).answers[0]!.data).toEqual({ usage: 3, selector: 1, matchingType: 1, data: '' });
  });

  it('refuses RDATA too short for the three fields, and an RDLENGTH that lies', () => {
    expect(() => decodeMessage(tlsaAnswer([3, 1]))).toThrow(/answer record 1 of 1 is a TLSA record with 2 bytes of data, too few/);
    expect(() => decodeMessage(tlsaAnswer([]))).toThrow(WireFormatError);
    expect(() => decodeMessage(tlsaAnswer([3, 1, 1, ...SHA256], 200))).toThrow(/says its data is 200 bytes, past the end/);
    const cut = tlsaAnswer([3, 1, 1, ...SHA256]);
    for (let length = 12; length < cut.length; length++) expect(() => decodeMessage(cut.subarray(0, length)), `cut at ${length}`).toThrow(WireFormatError);
  });

  it('reads the JSON API form: numbers or RFC 7218 acronyms, hex in any case and split by white space', () => {
    const record = { name: '_25._tcp.mx.example', type: 'TLSA', ttl: 60, data: { usage: 3, selector: 1, matchingType: 1, data: HEX } };
    expect(json(`3 1 1 ${HEX}`)).toEqual([record]);
    expect(json(`3 1 1 ${HEX.slice(0, 20).toUpperCase()} ${HEX.slice(20)}`)).toEqual([record]);
    expect(json(`DANE-EE SPKI SHA2-256 ${HEX}`)).toEqual([record]);
    expect(json(`\\# 35 030101${HEX}`)).toEqual([record]);
  });

  it.each([
    ['two fields', '3 1'],
    ['an odd number of hex digits', '3 1 1 abc'],
    ['a field that is not an octet', `256 1 1 ${HEX}`],
    ['an unknown acronym', `DANE-XX 1 1 ${HEX}`],
    ['something that is not hex', '3 1 1 <script>'],
    ['a generic form too short for the fields', '\\# 2 0301'],
    ['a generic form whose length lies', '\\# 5 030101'],
  ])('refuses JSON data with %s', (_name, data) => {
    expect(() => json(data)).toThrow(JsonAnswerError);
  });

  it('presents a record as RFC 6698 §2.2 writes it', () => {
    expect(TLSA.present({ usage: 2, selector: 0, matchingType: 2, data: 'ab'.repeat(64) })).toBe(`2 0 2 ${'ab'.repeat(64)}`);
    expect(TLSA.value({ usage: 3, selector: 1, matchingType: 1, data: HEX })).toBe(`3 1 1 ${HEX}`);
  });
});
