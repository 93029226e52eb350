// The test oracle: asks kdig (Knot's dig) and returns its answer in a comparable shape. Names
// and data are in kdig's presentation format (`10 mx.one-mx.test.`, `"v=spf1 mx -all"`).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findBinary } from './binaries';
import { rcodeName } from './rr-types';

const run = promisify(execFile);

export interface KdigRecord {
  name: string;
  type: string;
  ttl: number;
  data: string;
}

export interface KdigFlags {
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  ad: boolean;
  cd: boolean;
}

export interface KdigResult {
  rcode: string;
  flags: KdigFlags;
  answer: KdigRecord[];
  authority: KdigRecord[];
  additional: KdigRecord[];
}

export interface KdigOptions {
  server: string;
  port: number;
  /** RFC 8484 over HTTPS (kdig sends POST to /dns-query); needs `caPath` to trust the test CA. */
  https?: boolean;
  caPath?: string;
  /** Name to check the certificate against; default: the server address (IP SAN). */
  tlsHostname?: string;
  /** Use GET instead of POST for DoH. */
  get?: boolean;
}

// RFC 8427 as kdig 3.2 writes it (only the fields used here).
interface KdigJsonRecord {
  NAME: string;
  TYPE: number;
  TYPEname?: string;
  TTL: number;
  [rdata: `rdata${string}`]: string | undefined;
}

interface KdigJson {
  RCODE: number;
  AA: number;
  TC: number;
  RD: number;
  RA: number;
  AD: number;
  CD: number;
  answerRRs?: KdigJsonRecord[];
  authorityRRs?: KdigJsonRecord[];
  additionalRRs?: KdigJsonRecord[];
}

function toRecord(rr: KdigJsonRecord): KdigRecord {
  // The data field is named after the type (`rdataMX`); RDATAHEX is the raw form of the same.
  const key = Object.keys(rr).find((k) => /^rdata[A-Z0-9]/.test(k)) as `rdata${string}` | undefined;
  return { name: rr.NAME, type: rr.TYPEname ?? `TYPE${rr.TYPE}`, ttl: rr.TTL, data: key ? (rr[key] ?? '') : '' };
}

export interface KdigQuestion {
  name: string;
  type: string;
}

function transportArgs(options: KdigOptions): string[] {
  const args = [`@${options.server}`, '-p', String(options.port), '+json', '+timeout=2', '+retry=0'];
  if (options.https) {
    args.push(options.get ? '+https-get' : '+https');
    if (options.caPath) args.push(`+tls-ca=${options.caPath}`);
    if (options.tlsHostname) args.push(`+tls-hostname=${options.tlsHostname}`);
  }
  return args;
}

function toResult(json: KdigJson): KdigResult {
  const records = (list?: KdigJsonRecord[]) => (list ?? []).filter((rr) => rr.TYPE !== 41).map(toRecord);
  return {
    rcode: rcodeName(json.RCODE),
    flags: { aa: json.AA === 1, tc: json.TC === 1, rd: json.RD === 1, ra: json.RA === 1, ad: json.AD === 1, cd: json.CD === 1 },
    answer: records(json.answerRRs),
    authority: records(json.authorityRRs),
    additional: records(json.additionalRRs),
  };
}

const questionKey = (name: string, type: string) => `${name.toLowerCase().replace(/\.?$/, '.')} ${type.toUpperCase()}`;

/**
 * Asks many questions with one kdig process (a process per question costs ~30-40 ms each).
 * Results are in the order asked; a question kdig got no answer for fails the whole call.
 */
export async function kdigBatch(questions: readonly KdigQuestion[], options: KdigOptions): Promise<KdigResult[]> {
  // Options after `-q name` apply to that query (kdig 3.2); before any `-q` they set defaults.
  const args = [...transportArgs(options), ...questions.flatMap((q) => ['-q', q.name, '-t', q.type])];
  let stdout: string;
  try {
    ({ stdout } = await run(findBinary('kdig'), args, { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`kdig ${args.slice(0, 12).join(' ')} ... failed: ${e.stderr || e.message}`, { cause: error });
  }
  // kdig writes one pretty-printed JSON document per question, each closed by "}" on its own line.
  const byQuestion = new Map<string, KdigResult>();
  for (const doc of stdout.split(/^\}$/m).filter((d) => d.trim() !== '')) {
    const json = JSON.parse(`${doc}}`) as KdigJson & { QNAME: string; QTYPEname: string };
    byQuestion.set(questionKey(json.QNAME, json.QTYPEname), toResult(json));
  }
  return questions.map((q) => {
    const result = byQuestion.get(questionKey(q.name, q.type));
    if (!result) throw new Error(`kdig gave no answer for ${q.name} ${q.type} via ${options.server}:${options.port}`);
    return result;
  });
}

export async function kdig(name: string, type: string, options: KdigOptions): Promise<KdigResult> {
  const [result] = await kdigBatch([{ name, type }], options);
  return result!;
}
