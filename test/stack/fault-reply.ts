// What the fault server sends back for one request: a real answer from knotd, bent by the
// fault modes that affect the DNS message itself (the HTTP-level ones live in fault-server.ts).
import { randomBytes } from 'node:crypto';
import dnsPacket from 'dns-packet';
import { exchange, type Upstream } from './dns-exchange';
import { wireToJson } from './dns-json';
import type { DohRequest } from './doh-request';
import { bendJson, bendWire } from './fault-bend';
import { corpusReply } from './fault-corpus';
import type { FaultPlan } from './fault-modes';
import { rcodeNumber } from './rr-types';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export const MISMATCHED_QUESTION = 'mismatched-question.test';

export function textReply(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: Buffer.from(`${text}\n`) };
}

/** An answer made here, not by knotd: same ID and question, the given rcode and flags, no records. */
function synthesize(query: Buffer, rcode: number, extraFlags = 0): Buffer {
  const q = dnsPacket.decode(query);
  const flags = ((q.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | dnsPacket.RECURSION_AVAILABLE | extraFlags | rcode;
  return dnsPacket.encode({ type: 'response', id: q.id ?? 0, flags, questions: q.questions ?? [] });
}

function underSuffix(name: string, suffixes: readonly string[]): boolean {
  const n = `${name.toLowerCase().replace(/\.$/, '')}.`;
  return suffixes.some((s) => n === s || n.endsWith(`.${s}`));
}

async function dnsAnswer(
  plan: FaultPlan,
  request: Extract<DohRequest, { ok: true }>,
  upstream: Upstream,
  servfailSuffixes: readonly string[],
  validatedSuffixes: readonly string[],
): Promise<Buffer> {
  if (plan.rcode !== null) {
    const rcode = /^\d+$/.test(plan.rcode) ? Number(plan.rcode) : rcodeNumber(plan.rcode);
    return synthesize(request.query, rcode ?? 2);
  }
  // RFC 8484 5: DoH answers should never need TC; a server that sets it anyway is broken.
  if (plan.flags.has('tc')) return synthesize(request.query, 0, dnsPacket.TRUNCATED_RESPONSE);
  // Same rule as dnsdist's, so a test sees the same world through either server.
  if (request.name && underSuffix(request.name, servfailSuffixes)) return synthesize(request.query, 2);
  const answer = await exchange(upstream, request.query);
  // Also dnsdist's rule: AD on answers under signed.test, as from a validating resolver.
  if (request.name && underSuffix(request.name, validatedSuffixes)) return withAd(answer);
  return answer;
}

/** The same answer with the AD bit (RFC 4035 3.2.3) set: bit 0x20 of the flags' second byte. */
function withAd(answer: Buffer): Buffer {
  if (answer.length < 4) return answer;
  const out = Buffer.from(answer);
  out[3] = out[3]! | 0x20;
  return out;
}

function bendAnswer(plan: FaultPlan, answer: Buffer): Buffer {
  let out = answer;
  if (plan.flags.has('mismatch-question')) {
    const packet = dnsPacket.decode(out);
    const [first, ...rest] = packet.questions ?? [];
    if (first) out = dnsPacket.encode({ ...packet, questions: [{ ...first, name: MISMATCHED_QUESTION }, ...rest] });
  }
  if (plan.flags.has('mismatch-id')) {
    out = Buffer.from(out);
    out.writeUInt16BE(out.readUInt16BE(0) ^ 0xbeef, 0);
  }
  return out;
}

// RFC 8484 5.1: freshness lifetime no longer than the smallest TTL in the answer.
function maxAge(answer: Buffer): number | null {
  try {
    const packet = dnsPacket.decode(answer);
    const ttls = [...(packet.answers ?? []), ...(packet.authorities ?? [])].flatMap((r) => ('ttl' in r && r.ttl !== undefined ? [r.ttl] : []));
    return ttls.length > 0 ? Math.min(...ttls) : null;
  } catch {
    return null;
  }
}

export async function answerReply(
  plan: FaultPlan,
  request: Extract<DohRequest, { ok: true }>,
  upstream: Upstream,
  servfailSuffixes: readonly string[],
  validatedSuffixes: readonly string[],
): Promise<Reply> {
  if (plan.corpus !== null) return corpusReply(plan.corpus, request);
  const answer = bendWire(plan.bends, bendAnswer(plan, await dnsAnswer(plan, request, upstream, servfailSuffixes, validatedSuffixes)));
  const age = maxAge(answer);
  const headers: Record<string, string> = age === null ? {} : { 'cache-control': `max-age=${age}` };
  let reply: Reply;
  if (request.format === 'json') {
    // Google's /resolve says application/json; Cloudflare's /dns-query says application/dns-json.
    headers['content-type'] = plan.endpoint === 'resolve' ? 'application/json; charset=utf-8' : 'application/dns-json';
    reply = { status: 200, headers, body: Buffer.from(JSON.stringify(bendJson(plan.bends, wireToJson(answer)))) };
  } else {
    reply = { status: 200, headers: { ...headers, 'content-type': 'application/dns-message' }, body: answer };
  }
  if (plan.flags.has('truncated-body')) reply.body = reply.body.subarray(0, Math.floor(reply.body.length / 2));
  return reply;
}

/** Replies for the modes that replace the answer entirely, in the order they win. */
export function faultReply(plan: FaultPlan, method: string, format: 'wire' | 'json'): Reply | null {
  const dnsType = format === 'json' ? 'application/dns-json' : 'application/dns-message';
  if (plan.flags.has('post-only') && method === 'GET') return textReply(405, 'this endpoint takes POST only', { allow: 'POST' });
  if (plan.status !== null) {
    const headers: Record<string, string> = plan.status === 429 ? { 'retry-after': '1' } : {};
    if (plan.status === 405) headers.allow = 'GET, POST';
    return textReply(plan.status, `fault server: HTTP ${plan.status} on request`, headers);
  }
  if (plan.flags.has('wrong-type')) {
    const body = Buffer.from('<!doctype html><title>Captive portal</title><p>Please sign in.</p>\n');
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
  }
  if (plan.flags.has('empty')) return { status: 200, headers: { 'content-type': dnsType }, body: Buffer.alloc(0) };
  if (plan.flags.has('garbage')) return { status: 200, headers: { 'content-type': dnsType }, body: randomBytes(64) };
  return null;
}
