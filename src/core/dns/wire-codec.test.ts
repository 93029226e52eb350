import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeQuery } from './wire-codec';

/** Wire bytes from numbers, byte arrays and ASCII strings (the messages are written out by hand). */
function wire(...parts: (number | number[] | string)[]): Uint8Array {
  const bytes: number[] = [];
  for (const part of parts) {
    if (typeof part === 'number') bytes.push(part);
    else if (typeof part === 'string') bytes.push(...[...part].map((c) => c.charCodeAt(0)));
    else bytes.push(...part);
  }
  return Uint8Array.from(bytes);
}
const u16 = (value: number) => [value >> 8, value & 0xff];
const u32 = (value: number) => [...u16(value >>> 16), ...u16(value & 0xffff)];
/** A name as labels, each given as bytes or ASCII, ending in the root label or a pointer. */
const name = (labels: (string | number[])[], pointer?: number) => [
  ...labels.flatMap((label) => (typeof label === 'string' ? [label.length, ...wire(label)] : [label.length, ...label])),
  ...(pointer === undefined ? [0] : u16(0xc000 | pointer)),
];
const header = (flags: number, counts: [number, number, number, number]) => [...u16(0), ...u16(flags), ...counts.flatMap(u16)];
const record = (owner: number[], type: number, ttl: number, rdata: number[], klass = 1) => [
  ...owner,
  ...u16(type),
  ...u16(klass),
  ...u32(ttl),
  ...u16(rdata.length),
  ...rdata,
];
const EXAMPLE_COM = 12; // where the question name starts: every answer below points back to it
const OPT_OPTIONS = [...u16(10), ...u16(8), 1, 2, 3, 4, 5, 6, 7, 8, ...u16(8), ...u16(7), ...u16(1), 24, 0, 192, 0, 2]; // cookie, client subnet

/** A response to "example.com MX" with one of each kind of record MXray reads, compressed, plus EDNS. */
const response = wire(
  header(0x8000 | 0x0400 | 0x0100 | 0x0080 | 0x0020, [1, 7, 1, 1]), // QR AA RD RA AD, NOERROR
  name(['example', 'com']),
  u16(15),
  u16(1),
  record(u16(0xc000 | EXAMPLE_COM), 15, 300, [...u16(10), ...name(['mx'], EXAMPLE_COM)]),
  record(u16(0xc000 | EXAMPLE_COM), 15, 300, [...u16(0), 0]), // null MX: exchange "."
  record(u16(0xc000 | EXAMPLE_COM), 16, 60, [7, ...wire('v=spf1 '), 4, ...wire('-all'), 2, 0xc3, 0xa9]),
  record(u16(0xc000 | EXAMPLE_COM), 1, 30, [192, 0, 2, 1]),
  record(u16(0xc000 | EXAMPLE_COM), 28, 30, [0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 1]),
  record(u16(0xc000 | EXAMPLE_COM), 257, 30, [0, 5, ...wire('issue'), ...wire('ca.example')]), // CAA: a type MXray does not read
  record(u16(0xc000 | EXAMPLE_COM), 4660, 30, [1, 2, 3]), // a type nobody knows
  record(u16(0xc000 | EXAMPLE_COM), 6, 3600, [
    ...name(['ns'], EXAMPLE_COM),
    ...name(['hostmaster'], EXAMPLE_COM),
    ...u32(2024),
    ...u32(7200),
    ...u32(900),
    ...u32(1209600),
    ...u32(60),
  ]),
  record([0], 41, 0, OPT_OPTIONS, 1232), // OPT, last
);

describe('RFC 8484 wire format', () => {
  it('encodes a query with ID 0, RD and AD, class IN', () => {
    expect([...encodeQuery({ name: 'example.com', type: 'MX' })]).toEqual([...wire(header(0x0120, [1, 0, 0, 0]), name(['example', 'com']), u16(15), u16(1))]);
    expect([...encodeQuery({ name: '1.2.0.192.in-addr.arpa', type: 'PTR' })].slice(-4)).toEqual([...u16(12), ...u16(1)]);
  });

  it('reads each record type MXray reads, names without the root dot, and the rest as OTHER', () => {
    const message = decodeMessage(response);
    expect(message).toEqual({
      id: 0,
      rcode: 'NOERROR',
      flags: { qr: true, aa: true, tc: false, rd: true, ra: true, ad: true, cd: false },
      questions: [{ name: 'example.com', type: 'MX' }],
      answers: [
        { name: 'example.com', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } },
        { name: 'example.com', type: 'MX', ttl: 300, data: { preference: 0, exchange: '' } },
        { name: 'example.com', type: 'TXT', ttl: 60, data: ['v=spf1 ', '-all', 'é'] },
        { name: 'example.com', type: 'A', ttl: 30, data: '192.0.2.1' },
        { name: 'example.com', type: 'AAAA', ttl: 30, data: '2001:db8::1' },
        { name: 'example.com', type: 'OTHER', rrtype: 'CAA', ttl: 30, data: '' },
        { name: 'example.com', type: 'OTHER', rrtype: 'UNKNOWN_4660', ttl: 30, data: '' },
      ],
      authorities: [
        {
          name: 'example.com',
          type: 'SOA',
          ttl: 3600,
          data: { mname: 'ns.example.com', rname: 'hostmaster.example.com', serial: 2024, refresh: 7200, retry: 900, expire: 1209600, minimum: 60 },
        },
      ],
    });
  });

  it('reads the header bits and RCODE by name', () => {
    const withFlags = (flags: number) => decodeMessage(wire(header(flags, [0, 0, 0, 0])));
    expect(withFlags(0x8000 | 0x0200 | 0x0010 | 3)).toMatchObject({
      rcode: 'NXDOMAIN',
      flags: { qr: true, tc: true, cd: true, ad: false, aa: false, ra: false },
    });
    expect(withFlags(0x8002).rcode).toBe('SERVFAIL');
    expect(withFlags(0x8005).rcode).toBe('REFUSED');
    expect(withFlags(0x800b).rcode).toBe('RCODE11');
    expect(withFlags(0x0000).flags.qr).toBe(false);
  });

  it('keeps label bytes as text, spaces and angle brackets included (xss.test)', () => {
    const label = '<img src=x onerror=alert(1)>';
    const message = decodeMessage(
      wire(
        header(0x8180, [1, 1, 0, 0]),
        name(['90', '2', '0', '192', 'in-addr', 'arpa']),
        u16(12),
        u16(1),
        record(u16(0xc000 | 12), 12, 60, name([label, 'xss', 'test'])),
      ),
    );
    expect(message.answers).toEqual([{ name: '90.2.0.192.in-addr.arpa', type: 'PTR', ttl: 60, data: `${label}.xss.test` }]);
  });

  it('decodes label bytes that are not UTF-8 as browsers decode text, to U+FFFD, within the label', () => {
    const ptrTo = (label: number[]) => decodeMessage(wire(header(0x8180, [0, 1, 0, 0]), record(name(['x']), 12, 60, name([label, 'test'])))).answers[0]!.data;
    expect(ptrTo([0xc3, 0xa9])).toBe('é.test');
    expect(ptrTo([0xe2, 0x82, 0x41])).toBe('\ufffdA.test'); // cut-off sequence
    expect(ptrTo([0xc0, 0xbc])).toBe('\ufffd\ufffd.test'); // an overlong "<" is not "<"
    expect(ptrTo([0xed, 0xa0, 0x80])).toBe('\ufffd\ufffd\ufffd.test'); // no lone surrogate
    expect(ptrTo([0x80])).toBe('\ufffd.test');
    expect(ptrTo([0xe2])).toBe('\ufffd.test'); // does not run on into the next label
    expect(ptrTo([0xef, 0xbb, 0xbf, 0x61])).toBe('\ufeffa.test'); // a BOM is data here
  });

  it('rejects a message cut off anywhere, and records that run past its end', () => {
    for (let length = 0; length < response.length; length++) {
      expect(() => decodeMessage(response.subarray(0, length)), `cut at ${length} of ${response.length}`).toThrow();
    }
    const lastRecordTooLong = Uint8Array.from(response);
    lastRecordTooLong[response.length - OPT_OPTIONS.length - 2] = 0xff; // the OPT RDLENGTH's high byte
    expect(() => decodeMessage(lastRecordTooLong)).toThrow();
    expect(() => decodeMessage(wire([...response], [0, 0, 0]))).not.toThrow(); // trailing bytes are ignored, as before
  });

  it('rejects compression pointers that do not point back, and bad label types', () => {
    const pointing = (target: number) => wire(header(0x8180, [1, 0, 0, 0]), name([], target), u16(1), u16(1));
    expect(() => decodeMessage(pointing(12))).toThrow(/pointer/); // to itself: a loop
    expect(() => decodeMessage(pointing(40))).toThrow(/pointer/);
    expect(() => decodeMessage(wire(header(0x8180, [1, 0, 0, 0]), [0x40, 0], u16(1), u16(1)))).toThrow(/label/);
    expect(() => decodeMessage(wire(header(0x8180, [1, 0, 0, 0]), name(new Array<string>(5).fill('a'.repeat(63))), u16(1), u16(1)))).toThrow(/too long/);
  });

  it('reads a message from a view into a larger buffer', () => {
    const larger = new Uint8Array(response.length + 10);
    larger.set(response, 5);
    expect(decodeMessage(larger.subarray(5, 5 + response.length))).toEqual(decodeMessage(response));
  });
});
