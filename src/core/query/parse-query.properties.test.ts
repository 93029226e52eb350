import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseQuery, tryParseQuery } from './parse-query';
import { InvalidQuery } from './invalid-query';
import { parseIp } from '../ip/parse-ip';
import { buildPtrName } from '../ip/ptr-name';
import type { Query } from '../vocabulary';

const RUNS = { numRuns: 10_000 };

const LDH = [...'abcdefghijklmnopqrstuvwxyz0123456789-'];
const label = fc
  .string({ unit: fc.constantFrom(...LDH), minLength: 1, maxLength: 63 })
  .filter((l) => !l.startsWith('-') && !l.endsWith('-') && !l.startsWith('xn--'));
const tld = fc.oneof(
  fc.constantFrom('com', 'org', 'net', 'de', 'uk', 'io', 'jp', 'test', 'xn--p1ai'),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 12 }),
);
/** Lower-case LDH names with a letter TLD, within RFC 1035 limits. */
const domainName = fc
  .tuple(
    fc.array(
      fc.oneof(
        label,
        label.map((l) => `_${l.slice(0, 62)}`),
      ),
      { minLength: 1, maxLength: 5 },
    ),
    tld,
  )
  .map(([labels, top]) => [...labels, top].join('.'))
  .filter((name) => name.length <= 253);

const ATEXT = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~"];
const dotAtom = fc
  .array(fc.string({ unit: fc.constantFrom(...ATEXT), minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 })
  .map((atoms) => atoms.join('.'));
const QTEXT = [..." !#$%&'()*+,-./0123456789:;<=>?@[]^_`abcxyzABCXYZ{|}~é"];
const quotedString = fc
  .array(fc.oneof(fc.constantFrom(...QTEXT), fc.constantFrom('\\"', '\\\\')), { minLength: 0, maxLength: 20 })
  .map((chars) => `"${chars.join('')}"`);
const utf8Local = fc.string({ unit: fc.constantFrom(...'aéüßøжЖ中文ｱ😀.+-_'), minLength: 1, maxLength: 12 });
/** RFC 5322 §3.4.1 local parts (dot-atom or quoted-string) and RFC 6531 UTF-8 ones, within 64 octets. */
const localPart = fc.oneof(dotAtom, quotedString, utf8Local).filter((local) => new TextEncoder().encode(local).length <= 64 && !local.startsWith('//'));

/** Text that goes near every branch: separators, schemes, brackets, IDN, IP fragments. */
const structured = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '@',
        '<',
        '>',
        '"',
        ':',
        '/',
        '//',
        '[',
        ']',
        '.',
        '..',
        '%',
        '%25',
        '\\',
        ' ',
        ',',
        '?',
        '#',
        '(',
        ')',
        'mailto:',
        'http://',
        'https://',
        'chrome://',
        'xn--',
        'xn--bcher-kva',
        '::',
        'ffff',
        '192',
        '0x7f',
        '255',
        '256',
        'ü',
        '例',
        '\u200D',
        '\u00AD',
        '-',
        '_',
        'IPv6:',
        'com',
        'example',
        'localhost',
        '１',
        '。',
        '\t',
        '\n',
      ),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

/** What every accepted query must satisfy, whatever the input. */
function expectWellFormed(query: Query): void {
  if (query.kind === 'ip') {
    expect(parseIp(query.name)?.ip).toBe(query.name);
    expect(query.ptrName).toBe(buildPtrName(query.name));
    return;
  }
  expect(query.name).toMatch(/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/);
  expect(query.name.length).toBeLessThanOrEqual(253);
  for (const l of query.name.split('.')) expect(l.length).toBeLessThanOrEqual(63);
  expect(query.display.length).toBeGreaterThan(0);
  if (query.kind === 'email') expect(query.email?.endsWith(`@${query.name}`)).toBe(true);
}

function expectOnlyInvalidQuery(input: string): void {
  try {
    expectWellFormed(parseQuery(input));
  } catch (error) {
    if (!(error instanceof InvalidQuery)) throw error;
    // A message repeats at most ~80 characters of input, twice at most. (A plain check: this
    // runs 30,000 times, and `expect` costs more than the parse.)
    if (error.message.length >= 600) throw new Error(`message too long for ${JSON.stringify(input)}`, { cause: error });
  }
}

describe('parseQuery properties', () => {
  it('throws nothing but InvalidQuery on any printable ASCII string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), expectOnlyInvalidQuery), RUNS);
  });

  it('throws nothing but InvalidQuery on any Unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), expectOnlyInvalidQuery), RUNS);
  });

  it('throws nothing but InvalidQuery on text built from @ < > " : / [ ] . and friends', () => {
    fc.assert(fc.property(structured, expectOnlyInvalidQuery), RUNS);
  });

  it('returns a valid LDH name unchanged (the parser is idempotent on its own output)', () => {
    fc.assert(
      fc.property(domainName, (name) => {
        const query = parseQuery(name);
        expect(query.kind).toBe('domain');
        expect(query.name).toBe(name);
        expect(parseQuery(`${name.toUpperCase()}.`).name).toBe(name); // RFC 4343, RFC 1034 §3.1
        expect(parseQuery(`https://${name}/x?y#z`).name).toBe(name);
      }),
      RUNS,
    );
  });

  it('gives the email domain for any valid local part, and keeps that local part untouched', () => {
    fc.assert(
      fc.property(localPart, domainName, (local, domain) => {
        const query = parseQuery(`${local}@${domain}`);
        expect(query).toMatchObject({ kind: 'email', name: domain, email: `${local}@${domain}` });
        expect(parseQuery(`"Some One" <${local}@${domain.toUpperCase()}>`).email).toBe(`${local}@${domain}`);
      }),
      RUNS,
    );
  });

  it('maps Unicode names exactly as the URL parser does, and display reads back to the same name', () => {
    const unicodeName = fc
      .array(fc.string({ unit: fc.constantFrom(...'abcxyzéüößøжпр中文例えｱＡ-'), minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 3 })
      .chain((labels) => fc.constantFrom('com', 'de', 'рф', 'jp').map((top) => [...labels, top].join('.')));
    fc.assert(
      fc.property(unicodeName, (text) => {
        const result = tryParseQuery(text);
        if (!result.ok) return;
        const { name, display } = result.query;
        expect(name).toBe(new URL(`http://${text}/`).hostname);
        expect(parseQuery(name).name).toBe(name);
        expect(parseQuery(display).name).toBe(name);
      }),
      RUNS,
    );
  });

  it('reads every IPv4 address, bare and as a URL host, to its canonical text', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(parseQuery(ip)).toMatchObject({ kind: 'ip', name: ip, family: 4, ptrName: buildPtrName(ip) });
        expect(parseQuery(`http://${ip}:8080/`).name).toBe(ip);
      }),
      RUNS,
    );
  });

  it('reads every IPv6 form, bare, bracketed and as a URL host, to RFC 5952 text', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const canonical = parseIp(ip)!.ip;
        expect(parseQuery(ip)).toMatchObject({ kind: 'ip', name: canonical, family: 6 });
        expect(parseQuery(`[${ip}]`).name).toBe(canonical);
        expect(parseQuery(`https://[${ip}]:443/`).name).toBe(canonical);
      }),
      RUNS,
    );
  });
});
