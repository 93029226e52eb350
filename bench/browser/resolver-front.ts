// What the browser reaches as https://cloudflare-dns.com: an HTTP/2 front that hands every
// request to the fault server (whose default mode `delay/<ms>` is the simulated round trip) and
// sends its answer back. Why a front: Cloudflare answers DoH over HTTP/2, one connection carrying
// every question at once, while the fault server speaks HTTP/1.1 only, where Chromium opens at
// most 6 connections per host and queues the rest. Straight to the fault server, the log's
// round-trip depth at 50 ms RTT was 5-6 for five-mx.test and 12-14 for twenty-mx.test, against
// 4 and 6-8 through this front (one-off comparison, 2026-11-25). The front also notes each TLS
// connection (a handshake is part of a first lookup's time) and can drop them, and stamps each
// request on the wall clock (epoch ms), to line the resolver's side up with the page's timings.
import { createSecureServer, type Http2Session, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { Agent, request } from 'undici';
import { decodeMessage, encodeQuery } from '../../src/core/dns/wire-codec';
import { base64Url } from '../../src/core/doh/doh-request';

export interface FrontRequest {
  /** e.g. "five-mx.test MX" */
  question: string;
  /** The request reached the front (epoch ms). */
  receivedAt: number;
  /** Its answer left the front (epoch ms). */
  answeredAt?: number;
  status?: number;
}

export interface FrontConnection {
  /** TCP accepted, and TLS handshake done (epoch ms). */
  acceptedAt: number;
  secureAt: number;
}

export interface ResolverFront {
  port: number;
  /** Every TLS connection the browser opened, oldest first. */
  connections: FrontConnection[];
  /** Every request so far, oldest first. */
  requests: FrontRequest[];
  /** Closes every browser connection, so the next request pays a TCP and TLS handshake. */
  dropConnections(): Promise<void>;
  /**
   * Opens `count` connections to the fault server by sending that many requests at once (it
   * closes connections idle for 5 s), then forgets them in its log (tag `warm`): so the front
   * adds no handshake of its own inside a timed run.
   */
  warmUpstream(count?: number): Promise<void>;
  close(): Promise<void>;
}

export interface ResolverFrontOptions {
  cert: Buffer;
  key: Buffer;
  /** The fault server, e.g. https://127.0.0.1:PORT (no trailing slash). */
  upstreamUrl: string;
  caPem: string;
  clearUpstreamLog(tag: string): void;
}

export const epochNow = () => performance.timeOrigin + performance.now();
const FORWARDED_HEADERS = ['accept', 'content-type'] as const;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

function questionOf(method: string, path: string, body: Buffer): string {
  try {
    const dns = new URL(path, 'https://front.invalid').searchParams.get('dns');
    const bytes = method === 'GET' && dns ? Buffer.from(dns, 'base64url') : body;
    const [question] = decodeMessage(bytes).questions;
    return question ? `${question.name} ${question.type}` : '?';
  } catch {
    return '?';
  }
}

export async function startResolverFront(options: ResolverFrontOptions): Promise<ResolverFront> {
  const upstream = new Agent({ connect: { ca: options.caPem }, connections: null, pipelining: 1, keepAliveTimeout: 60_000 });
  const sessions = new Set<Http2Session>();
  const requests: FrontRequest[] = [];
  const connections: FrontConnection[] = [];
  const server = createSecureServer({ cert: options.cert, key: options.key });
  // The TCP socket arrives first, the TLS socket wrapping it later: matched by the client's port.
  const acceptedAt = new Map<number | undefined, number>();
  server.on('connection', (socket: Socket) => acceptedAt.set(socket.remotePort, epochNow()));
  server.on('secureConnection', (socket: TLSSocket) => {
    const secureAt = epochNow();
    connections.push({ acceptedAt: acceptedAt.get(socket.remotePort) ?? secureAt, secureAt });
    acceptedAt.delete(socket.remotePort);
  });
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    void forward(stream, headers).catch((error: Error) => {
      if (stream.destroyed) return;
      if (!stream.headersSent) stream.respond({ ':status': 502 });
      stream.end(`resolver front: ${error.message}`);
    });
  });

  async function forward(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): Promise<void> {
    const receivedAt = epochNow();
    const method = String(headers[':method']);
    const path = String(headers[':path']);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const entry: FrontRequest = { question: questionOf(method, path, body), receivedAt };
    requests.push(entry);
    const forwarded: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) if (typeof headers[name] === 'string') forwarded[name] = headers[name];
    const answer = await request(`${options.upstreamUrl}${path}`, {
      method: method === 'POST' ? 'POST' : 'GET',
      headers: forwarded,
      body: method === 'POST' ? body : undefined,
      dispatcher: upstream,
    });
    const answerBody = Buffer.from(await answer.body.arrayBuffer());
    if (stream.destroyed) return;
    const replyHeaders: Record<string, string | number> = { ':status': answer.statusCode, 'content-length': answerBody.length };
    for (const [name, value] of Object.entries(answer.headers)) if (typeof value === 'string' && !HOP_BY_HOP.has(name)) replyHeaders[name] = value;
    stream.respond(replyHeaders);
    stream.end(answerBody);
    entry.answeredAt = epochNow();
    entry.status = answer.statusCode;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const dropConnections = () =>
    Promise.all(
      [...sessions].map(
        (session) =>
          new Promise<void>((resolve) => {
            session.once('close', () => resolve());
            session.destroy();
          }),
      ),
    ).then(() => undefined);
  const warmQuery = `/tag/warm/dns-query?dns=${base64Url(encodeQuery({ name: 'one-mx.test', type: 'A' }))}`;
  return {
    port: (server.address() as AddressInfo).port,
    connections,
    requests,
    dropConnections,
    warmUpstream: async (count = 32) => {
      await Promise.all(
        Array.from({ length: count }, async () => {
          const answer = await request(`${options.upstreamUrl}${warmQuery}`, { headers: { accept: 'application/dns-message' }, dispatcher: upstream });
          await answer.body.arrayBuffer();
        }),
      );
      options.clearUpstreamLog('warm');
    },
    close: async () => {
      await dropConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await upstream.close();
    },
  };
}
