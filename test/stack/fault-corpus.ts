// A hostile resolver as a test corpus (issue #16, section 4): `/corpus/<n>` answers every
// question with generated response n, bent for the question asked (its ID and question kept
// unless the class says otherwise). n picks the class (n % CLASSES.length) and the seed of the
// variation, so any failing response can be asked for again by its number.
import dnsPacket from 'dns-packet';
import type { DohRequest } from './doh-request';
import type { Reply } from './fault-reply';

type Request = Extract<DohRequest, { ok: true }>;
type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: Rng, max: number) => Math.floor(r() * max);
const pick = <T>(r: Rng, items: readonly T[]): T => items[int(r, items.length)]!;

const NASTY = ['\u001b[2J', '\u202e', '\u200b', '\u0000', '<script>', '\ufeff', '\u2066', 'é', '\u00ad', '\ud800'];
function label(r: Rng): string {
  const base = pick(r, ['mx', 'mail', 'a', 'x'.repeat(63), 'xn--pypal-4ve', 'xn--zug', 'xn--agpj-vd7a', 'p\u0430ypal']);
  return r() < 0.3 ? `${base}${pick(r, NASTY)}` : base;
}
const hostName = (r: Rng, owner: string) => `${label(r)}.${r() < 0.5 ? owner : 'corpus.test'}`;

type Rec = dnsPacket.Answer;
function record(r: Rng, owner: string, type: string): Rec {
  const ttl = pick(r, [300, 0, 0x7fffffff, 0x80000000, 0xffffffff]);
  switch (type) {
    case 'MX':
      return { name: owner, type: 'MX', ttl, data: { preference: int(r, 65536), exchange: r() < 0.1 ? '' : hostName(r, owner) } } as Rec;
    case 'A':
      return { name: owner, type: 'A', ttl, data: `192.0.2.${int(r, 256)}` };
    case 'AAAA':
      return { name: owner, type: 'AAAA', ttl, data: `2001:db8::${int(r, 65536).toString(16)}` };
    case 'PTR':
    case 'CNAME':
    case 'NS':
      return { name: owner, type: type as 'PTR', ttl, data: hostName(r, owner) };
    default: {
      const spf = [
        'v=spf1',
        ...Array.from({ length: int(r, 40) }, () => pick(r, [' a', ' mx', ' include:x.test', ' ptr', ' +all', ' %{i}', ' redirect=x.test'])),
      ].join('');
      const strings =
        r() < 0.2
          ? Array.from({ length: 1_000 + int(r, 4_000) }, () => pick(r, [' a', 'b', '']))
          : [pick(r, [spf, 'v=DMARC1; p=reject; pct=999', 'v=STSv1; id=\u001b', 'v=BIMI1; l=http://x', 'v=TLSRPTv1; rua=', 'v=DKIM1; p=AAAA'])];
      return { name: owner, type: 'TXT', ttl, data: strings };
    }
  }
}

/** Wire length of an uncompressed name (the owner of the first answer follows the question). */
const nameLength = (name: string) => (name === '' ? 1 : Buffer.byteLength(name) + 2);

function encode(request: Request, packet: Partial<dnsPacket.Packet>): Buffer {
  const query = dnsPacket.decode(request.query);
  return dnsPacket.encode({
    type: 'response',
    id: query.id ?? 0,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
    questions: query.questions ?? [],
    ...packet,
  });
}

/** Each class: a way a resolver lies. Wire ones return bytes, JSON ones an object. */
const CLASSES: ((r: Rng, req: Request, owner: string, type: string) => Buffer | object | string)[] = [
  // counts that lie: the header claims more (or fewer) answers than there are
  (r, req, o, t) => {
    const b = encode(req, { answers: [record(r, o, t)] });
    b.writeUInt16BE(pick(r, [2, 100, 65_535, 0]), 6);
    return b;
  },
  // 65,535 answers claimed, as many as fit sent
  (r, req, o, t) => {
    const b = encode(req, { answers: Array.from({ length: 3_000 }, () => record(r, o, t === 'TXT' ? 'A' : t)) });
    b.writeUInt16BE(65_535, 6);
    return b.subarray(0, Math.min(b.length, 65_535));
  },
  // names over 255 bytes, built of compression pointers to long labels
  (r, req) => {
    const b = encode(req, { answers: [] });
    const long = Buffer.concat([Buffer.from([63]), Buffer.alloc(63, 0x61)]);
    const body = Buffer.concat(Array.from({ length: 5 + int(r, 3) }, () => long));
    const rr = Buffer.concat([body, Buffer.from([0, 0, 15, 0, 1, 0, 0, 1, 44, 0, 3, 0, 10, 0])]);
    const out = Buffer.concat([b, rr]);
    out.writeUInt16BE(1, 6);
    return out;
  },
  // TXT with thousands of strings, whatever was asked
  (r, req, o) =>
    encode(req, { answers: [{ name: o, type: 'TXT', ttl: 300, data: Array.from({ length: 2_000 + int(r, 3_000) }, (_, i) => (i === 0 ? 'v=spf1' : ' a')) }] }),
  // records of the wrong type
  (r, req, o, t) =>
    encode(req, {
      answers: [
        record(
          r,
          o,
          pick(
            r,
            ['MX', 'A', 'TXT', 'PTR', 'AAAA'].filter((x) => x !== t),
          ),
        ),
      ],
    }),
  // records of the wrong class
  (r, req, o, t) => encode(req, { answers: [{ ...record(r, o, t), class: pick(r, ['CH', 'HS', 'ANY']) } as Rec] }),
  // records for another owner
  (r, req, o, t) => encode(req, { answers: [record(r, `other-${int(r, 9)}.${o}`, t), record(r, 'corpus.test', t)] }),
  // the answer to another question
  (r, req, o, t) => {
    const q = dnsPacket.decode(req.query);
    return encode(req, { questions: [{ name: `x.${o}`, type: (q.questions?.[0]?.type ?? 'A') as 'A' }], answers: [record(r, o, t)] });
  },
  // huge and negative (top bit) TTLs
  (r, req, o, t) => encode(req, { answers: [{ ...record(r, o, t), ttl: pick(r, [0xffffffff, 0x80000000, 0x7fffffff]) } as Rec] }),
  // compression pointers: to itself, forward, into the header
  (r, req, o, t) => {
    const b = encode(req, { answers: [record(r, o, t)] });
    const at = 12 + nameLength(o) + 4;
    const ptr = pick(r, [at, at + 2, 3, 0x3fff]);
    b.writeUInt16BE(0xc000 | ptr, at);
    return b;
  },
  // RDLENGTH that lies
  (r, req, o, t) => {
    const b = encode(req, { answers: [record(r, o, t)] });
    const at = 12 + 2 * nameLength(o) + 4 + 8;
    if (at + 2 <= b.length) b.writeUInt16BE(pick(r, [500, 0, 1, 65_535, b.readUInt16BE(at) + 1]), at);
    return b;
  },
  // a status that contradicts the records, or no such status
  (r, req, o, t) => {
    const b = encode(req, { answers: [record(r, o, t)] });
    b[3] = (b[3]! & 0xf0) | pick(r, [3, 2, 5, 15, 11, 6, 9]);
    return b;
  },
  // random bytes flipped in a valid answer
  (r, req, o, t) => {
    const b = encode(req, { answers: [record(r, o, t), record(r, o, t)] });
    for (let i = 0; i < 1 + int(r, 8); i++) b[12 + int(r, b.length - 12)] = int(r, 256);
    return b;
  },
  // cut anywhere
  (r, req, o, t) => {
    const b = encode(req, { answers: [record(r, o, t), record(r, o, t)] });
    return b.subarray(0, 12 + int(r, b.length - 12));
  },
  // CNAME loops and chains of 50
  (r, req, o, t) => {
    const n = pick(r, [2, 17, 50]);
    const names = Array.from({ length: n }, (_, i) => (i === 0 ? o : `c${i}.corpus.test`));
    const loop = r() < 0.5;
    return encode(req, {
      answers: [
        ...names.map((name, i) => ({ name, type: 'CNAME', ttl: 300, data: names[i + 1] ?? (loop ? o : 'end.corpus.test') }) as Rec),
        record(r, 'end.corpus.test', t),
      ],
    });
  },
  // JSON: out-of-range preferences, TTLs, Status, shapes
  (r, _req, o) => ({
    Status: pick(r, [0, 0, 3, 99, -1, 15, 4096]),
    TC: false,
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: [{ name: `${o}.`, type: pick(r, [15, 1, 16]) }],
    Answer: Array.from({ length: pick(r, [1, 2, 65_535]) }, () => ({
      name: `${o}.`,
      type: pick(r, [15, 1, 28, 16, 12, 5]),
      TTL: pick(r, [300, -1, 1e12, 0.5, '300']),
      data: pick(r, [
        '70000 mx.corpus.test.',
        '-1 mx.corpus.test.',
        '10 ' + 'a.'.repeat(140),
        '"v=spf1 -all"',
        '192.0.2.1',
        '10 mx\\.evil.corpus.test.',
        `10 ${label(r)}.`,
      ]),
    })),
  }),
  (r, _req, o) =>
    pick(r, [
      { Status: '0' },
      { Status: 0, Answer: {} },
      { Status: 0, Answer: [null] },
      { Status: 0, Answer: [{ name: 1, type: 15, data: '' }] },
      { Status: 0, Question: 'x' },
      [],
      'null',
      { Status: 0, Answer: [{ name: `${o}.`, type: 15, data: 7 }] },
    ]),
];

export const CORPUS_CLASSES = CLASSES.length;
const JSON_CLASSES = 2;

export function corpusReply(n: number, request: Request): Reply {
  const query = dnsPacket.decode(request.query).questions?.[0];
  const owner = query?.name ?? 'corpus.test';
  const type = query?.type ?? 'MX';
  // The same question always gets the same response: the seed is n and the question.
  let seed = n * 2654435761;
  for (const char of `${owner}|${type}`) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619);
  const r = rng(seed);
  const index = n % CLASSES.length;
  // A JSON client only reads JSON: wire classes are sent to it as their JSON rendering would be
  // impossible, so it gets the JSON classes; a wire client gets the JSON ones as wire classes.
  const json = request.format === 'json';
  const cls = json ? CLASSES[CLASSES.length - JSON_CLASSES + (index % JSON_CLASSES)]! : CLASSES[index % (CLASSES.length - JSON_CLASSES)]!;
  const out = cls(r, request, owner, type);
  if (Buffer.isBuffer(out)) return { status: 200, headers: { 'content-type': 'application/dns-message' }, body: out };
  return { status: 200, headers: { 'content-type': 'application/dns-json' }, body: Buffer.from(typeof out === 'string' ? out : JSON.stringify(out)) };
}
