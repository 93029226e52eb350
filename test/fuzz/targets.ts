// Every parser MXray runs on untrusted text or bytes, with the inputs to fuzz it with and the one
// error it may throw (issue #16, section 3). A parser that throws anything else, runs past the
// per-input bound, or grows memory without bound is a bug. Shared by the vitest file (CI,
// 10,000 inputs a parser) and `npm run fuzz` (scripts/fuzz.ts, 100,000 a parser).
import fc from 'fast-check';
import dnsPacket from 'dns-packet';
import { decodeJsonMessage, JsonAnswerError } from '../../src/core/dns/json-codec';
import { decodeMessage } from '../../src/core/dns/wire-codec';
import { WireFormatError } from '../../src/core/dns/wire-layout';
import { parseBimi } from '../../src/core/mail/bimi/parse-bimi';
import { parseDkimKey } from '../../src/core/mail/dkim/parse-dkim-key';
import { parseDmarc } from '../../src/core/mail/dmarc/parse-dmarc';
import { parseMtaStsPolicy, parseMtaStsRecord } from '../../src/core/mail/mta-sts/parse-mta-sts';
import { parseSpf } from '../../src/core/mail/spf/parse-spf';
import { scanMacroString } from '../../src/core/mail/spf/spf-macro';
import { parseTlsRpt } from '../../src/core/mail/tls-rpt/parse-tls-rpt';
import { findAllEmailsInText } from '../../src/core/query/find-emails-in-text';
import { findQueryInText } from '../../src/core/query/find-query-in-text';
import { InvalidQuery } from '../../src/core/query/invalid-query';
import { parseQuery } from '../../src/core/query/parse-query';
import { escapeUnsafe } from '../../src/core/text/unsafe-chars';

/** Per input, in milliseconds: far above any parser's real cost (microseconds), far below a hang. */
export const PER_INPUT_BOUND_MS = 50;

export interface FuzzTarget {
  name: string;
  inputs: fc.Arbitrary<unknown>;
  run: (input: never) => unknown;
  /** The error class the parser may throw; none means it must never throw. */
  allowed?: new (...args: never[]) => Error;
}

const nasty = fc.constantFrom(
  '\u0000',
  '\u001b[2J',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  '%',
  '{',
  '}',
  '\\',
  '"',
  ';',
  '=',
  ':',
  '.',
  '..',
  '@',
  ' ',
  '\t',
  '\r\n',
  'xn--',
  'ä',
  '例',
  '\u0430',
);
const text = (tokens: string[], max = 40) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.oneof(fc.constantFrom(...tokens), nasty, fc.string({ maxLength: 12 })), { maxLength: max }).map((parts) => parts.join('')),
    fc.array(fc.constantFrom(...tokens), { maxLength: 3_000 }).map((parts) => parts.join(' ')),
  );

const SPF = [
  'v=spf1',
  'a',
  'mx',
  'ptr',
  'all',
  '-all',
  '~all',
  '+all',
  '?all',
  'include:',
  'exists:',
  'redirect=',
  'exp=',
  'ip4:',
  'ip6:',
  '192.0.2.0/24',
  '2001:db8::/32',
  '%{i}',
  '%{ir}.%{v}._spf.%{d}',
  '%{l1r-}',
  '%%',
  '%_',
  '%-',
  '/24',
  '//64',
  'example.com',
];
const DMARC = [
  'v=DMARC1',
  'p=',
  'none',
  'quarantine',
  'reject',
  'sp=',
  'pct=',
  '100',
  '999',
  '-1',
  'rua=',
  'ruf=',
  'mailto:',
  'a@example.com',
  '!10m',
  'adkim=',
  'aspf=',
  's',
  'r',
  'fo=',
  'ri=',
  'np=',
  't=y',
  ';',
  ',',
];
const DKIM = [
  'v=DKIM1',
  'k=',
  'rsa',
  'ed25519',
  'p=',
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA',
  'AAAA',
  '====',
  'h=sha256',
  's=email',
  't=y',
  't=s',
  'n=',
  ';',
  '=',
];
const STS = ['v=STSv1', 'id=', '20261125T000000', 'bad id!', ';', ' '];
const POLICY = [
  'version: STSv1',
  'mode: enforce',
  'mode: testing',
  'mode: none',
  'mx: mail.example.com',
  'mx: *.example.com',
  'max_age: 86400',
  'max_age: 99999999999',
  '\n',
  '\r\n',
  ':',
  'mx:',
];
const TLSRPT = ['v=TLSRPTv1', 'rua=', 'mailto:tls@example.com', 'https://example.com/r', ',', ';', '!'];
const BIMI = ['v=BIMI1', 'l=', 'a=', 'https://example.com/logo.svg', 'http://x', 'avp=brand', ';'];
const QUERY = [
  'user@',
  'example.com',
  'https://',
  'mailto:',
  '<',
  '>',
  '[192.0.2.1]',
  '192.0.2.1',
  '2001:db8::1',
  'fe80::1%eth0',
  'xn--bcher-kva',
  'bücher.de',
  'localhost',
  '.',
  '@',
  'mx ',
  '"',
  '(',
  ')',
];

/** Valid DoH wire answers (MX, TXT, TLSA, CNAME chains), then bytes flipped, cut or appended. */
const wireAnswers = fc
  .record({
    answers: fc.array(
      fc.oneof(
        fc.record({
          name: fc.constant('example.com'),
          type: fc.constant('MX' as const),
          ttl: fc.nat(),
          data: fc.record({ preference: fc.nat(65_535), exchange: fc.domain() }),
        }),
        fc.record({
          name: fc.constant('example.com'),
          type: fc.constant('TXT' as const),
          ttl: fc.nat(),
          // minLength 0: a TXT record with no strings (RDLENGTH 0) is left out, not an error.
          data: fc.array(fc.string({ maxLength: 60 }), { minLength: 0, maxLength: 5 }),
        }),
        fc.record({
          name: fc.constant('_25._tcp.example.com'),
          type: fc.constant('TLSA' as const),
          ttl: fc.nat(),
          data: fc.record({
            usage: fc.nat(255),
            selector: fc.nat(255),
            matchingType: fc.nat(255),
            certificate: fc.uint8Array({ maxLength: 80 }).map((bytes) => Buffer.from(bytes)),
          }),
        }),
        fc.record({ name: fc.domain(), type: fc.constant('CNAME' as const), ttl: fc.nat(), data: fc.domain() }),
        fc.record({ name: fc.domain(), type: fc.constant('A' as const), ttl: fc.nat(), data: fc.ipV4() }),
      ),
      { maxLength: 6 },
    ),
    flips: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }),
    cut: fc.option(fc.nat()),
  })
  .map(({ answers, flips, cut }) => {
    const bytes = new Uint8Array(
      dnsPacket.encode({ type: 'response', id: 0, flags: 0x8180, questions: [{ type: 'MX', name: 'example.com' }], answers: answers as dnsPacket.Answer[] }),
    );
    for (const [at, value] of flips) bytes[12 + (at % Math.max(1, bytes.length - 12))] = value;
    return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
  });

const jsonAnswers = fc.oneof(
  fc.jsonValue(),
  fc.record({
    Status: fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.double(), fc.string()),
    TC: fc.boolean(),
    Question: fc.oneof(fc.constant(undefined), fc.array(fc.record({ name: fc.string(), type: fc.oneof(fc.nat(300), fc.string()) }), { maxLength: 2 })),
    Answer: fc.oneof(
      fc.constant(undefined),
      fc.jsonValue(),
      fc.array(
        fc.record({
          name: fc.oneof(
            fc.domain().map((d) => `${d}.`),
            fc.string(),
          ),
          type: fc.constantFrom(1, 5, 12, 15, 16, 28, 6, 39, 52, 99, -1),
          TTL: fc.oneof(fc.integer(), fc.double(), fc.string()),
          data: fc.oneof(
            fc.string(),
            fc.constantFrom(
              '70000 mx.example.',
              '10 mx.example.',
              '"v=spf1 " "-all"',
              '"\\065\\"',
              '"unterminated',
              '1 2 3 4 5 6 7',
              'ns. host. 1 2 3 4 5',
              '',
              '\\# 0',
              '\\# 3 030101',
              '\\# 9 0301',
              '3 1 1 0a0b',
              'DANE-EE SPKI SHA2-256 0a',
              '3 1 1 0a0',
            ),
            fc.nat(),
          ),
        }),
        { maxLength: 8 },
      ),
    ),
  }),
);

export const TARGETS: FuzzTarget[] = [
  { name: 'query (domain, email, URL, IP)', inputs: text(QUERY), run: (input: string) => parseQuery(input), allowed: InvalidQuery },
  { name: 'emails in text (bulk extractor)', inputs: text(QUERY, 200), run: (input: string) => findAllEmailsInText(input) },
  { name: 'query in selected text', inputs: text(QUERY, 60), run: (input: string) => findQueryInText(input) },
  {
    name: 'DoH wire decoder',
    inputs: fc.oneof(wireAnswers, fc.uint8Array({ maxLength: 600 })),
    run: (input: Uint8Array) => decodeMessage(input),
    allowed: WireFormatError,
  },
  { name: 'DoH JSON decoder', inputs: jsonAnswers, run: (input: unknown) => decodeJsonMessage(input), allowed: JsonAnswerError },
  { name: 'SPF record', inputs: text(SPF, 80), run: (input: string) => parseSpf(input.startsWith('v=spf1') ? input : `v=spf1 ${input}`) },
  { name: 'SPF macro expander', inputs: text(SPF, 30), run: (input: string) => scanMacroString(input) },
  { name: 'DMARC record', inputs: text(DMARC), run: (input: string) => parseDmarc(input.startsWith('v=DMARC1') ? input : `v=DMARC1; ${input}`) },
  { name: 'DKIM key record', inputs: text(DKIM), run: (input: string) => parseDkimKey(input) },
  { name: 'MTA-STS record', inputs: text(STS), run: (input: string) => parseMtaStsRecord(input) },
  {
    name: 'MTA-STS policy file',
    inputs: fc.oneof(
      text(POLICY, 60),
      fc.array(fc.constantFrom(...POLICY), { maxLength: 5_000 }).map((l) => l.join('\n')),
    ),
    run: (input: string) => parseMtaStsPolicy(input),
  },
  { name: 'TLS-RPT record', inputs: text(TLSRPT), run: (input: string) => parseTlsRpt(input) },
  { name: 'BIMI record', inputs: text(BIMI), run: (input: string) => parseBimi(input) },
  { name: 'unsafe-character escape', inputs: fc.string({ unit: 'binary', maxLength: 500 }), run: (input: string) => escapeUnsafe(input) },
];

export interface TargetResult {
  name: string;
  runs: number;
  ms: number;
  slowestMs: number;
  /** Inputs the parser refused with its own typed error. */
  refused: number;
}

/** Runs `runs` inputs through one parser; throws (fast-check's report, with the shrunk input) on a failure. */
export function fuzzTarget(target: FuzzTarget, runs: number, seed?: number): TargetResult {
  let slowestMs = 0;
  let refused = 0;
  const started = performance.now();
  fc.assert(
    fc.property(target.inputs, (input) => {
      const once = () => {
        const t0 = performance.now();
        try {
          target.run(input as never);
        } catch (error) {
          if (!target.allowed || !(error instanceof target.allowed))
            throw new Error(`${target.name} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
          return { ms: performance.now() - t0, refused: true };
        }
        return { ms: performance.now() - t0, refused: false };
      };
      const first = once();
      if (first.refused) refused++;
      // Wall time on a shared machine has pauses (GC, the scheduler): an input over the bound is
      // timed twice more and judged by its fastest run, which only the parser's own cost can slow.
      let ms = first.ms;
      for (let retry = 0; retry < 2 && ms > PER_INPUT_BOUND_MS; retry++) ms = Math.min(ms, once().ms);
      slowestMs = Math.max(slowestMs, ms);
      if (ms > PER_INPUT_BOUND_MS) throw new Error(`${target.name} took ${ms.toFixed(1)} ms on one input (bound ${PER_INPUT_BOUND_MS} ms)`);
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
  return { name: target.name, runs, ms: performance.now() - started, slowestMs, refused };
}
