// A small scriptable DoH server for the faults a real resolver will not produce on demand:
// hangs, HTTP errors, garbage and mismatched answers, slow round trips. Answers come from
// knotd, so a fault-free request through it sees exactly what dnsdist serves.
import { createServer, type ServerOptions } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Upstream } from './dns-exchange';
import { parseDohRequest } from './doh-request';
import { FaultLog, type FaultLogEntry } from './fault-log';
import { parseFaultPath, type FaultPlan } from './fault-modes';
import { hostileReply } from './fault-hostile';
import { answerReply, faultReply, textReply, type Reply } from './fault-reply';
import { SERVFAIL_SUFFIXES } from './servfail-names';
import { VALIDATED_SUFFIXES } from './validated-names';

export interface FaultServerOptions {
  cert: ServerOptions['cert'];
  key: ServerOptions['key'];
  upstream: Upstream;
  /** Default: a free port on 127.0.0.1. */
  port?: number;
  host?: string;
  servfailSuffixes?: readonly string[];
  /** Names whose answers get the AD bit, like dnsdist's (default: signed.test.). */
  validatedSuffixes?: readonly string[];
  /**
   * Modes applied to every DoH request before the path's own, as path segments, e.g.
   * `['hang']` or `['delay', '400']`. For clients that cannot choose the path: a browser whose
   * host mapping sends `https://cloudflare-dns.com/dns-query` here. Changeable while running
   * with `setDefaultModes`.
   */
  defaultModes?: readonly string[];
}

export interface FaultServer {
  /** https://127.0.0.1:PORT, without a trailing slash; add e.g. `/delay/50/dns-query`. */
  url: string;
  /** Live: entries are appended as requests arrive. */
  log: FaultLogEntry[];
  clearLog(tag?: string): void;
  /** Replaces `defaultModes` for the requests that arrive from now on (`[]`: none). */
  setDefaultModes(modes: readonly string[]): void;
  close(): Promise<void>;
}

const MAX_BODY = 65_535; // the largest DNS message

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    // A client that gives up mid-body never sends 'end'; do not wait for it forever.
    req.on('close', () => {
      if (!req.complete) reject(new Error('client closed the connection'));
    });
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, {
    // Public DoH servers allow any origin; harmless here and lets page-context tests call it.
    'access-control-allow-origin': '*',
    'content-length': String(reply.body.length),
    ...reply.headers,
  });
  res.end(reply.body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value)) });
}

export async function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const log = new FaultLog();
  const inFlight = new Set<AbortController>();
  const servfailSuffixes = options.servfailSuffixes ?? SERVFAIL_SUFFIXES;
  const validatedSuffixes = options.validatedSuffixes ?? VALIDATED_SUFFIXES;
  let modePrefix = '';
  const setDefaultModes = (modes: readonly string[]) => {
    modePrefix = modes.map((mode) => `/${encodeURIComponent(mode)}`).join('');
  };
  setDefaultModes(options.defaultModes ?? []);

  async function handleDoh(req: IncomingMessage, res: ServerResponse, url: URL, plan: FaultPlan): Promise<void> {
    const method = req.method ?? 'GET';
    const entry = log.start({ tag: plan.tag, method, path: url.pathname, modes: plan.modes });
    const cancel = new AbortController();
    inFlight.add(cancel);
    res.on('finish', () => {
      entry.httpStatus = res.statusCode;
      entry.endMs = log.now();
    });
    // 'close' without 'finish': the client went away (or the server is closing) first.
    res.on('close', () => {
      inFlight.delete(cancel);
      cancel.abort(new Error('client closed the connection'));
      if (!res.writableFinished) {
        entry.aborted = true;
        entry.endMs = log.now();
      }
    });
    const body = method === 'POST' ? await readBody(req) : null;
    const request = parseDohRequest(method, url, req.headers['content-type'], body, plan);
    entry.name = request.name;
    entry.type = request.type;
    if (plan.delayMs > 0) await sleep(plan.delayMs, cancel.signal);
    // Never answer; the 'close' handler above records the abort and frees everything.
    if (plan.flags.has('hang')) return;
    if (hostileReply(plan, req, res, url, request.ok ? request.format : 'wire')) return;
    const fault = faultReply(plan, method, request.ok ? request.format : 'wire');
    if (fault) return send(res, fault);
    if (!request.ok) return send(res, textReply(request.status, request.message));
    const reply = await answerReply(plan, request, options.upstream, servfailSuffixes, validatedSuffixes);
    if (!cancel.signal.aborted) send(res, reply);
  }

  const server = createServer({ cert: options.cert, key: options.key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://fault.invalid');
    // `?tag=` (empty) means every entry, like no tag at all.
    const tag = url.searchParams.get('tag') || null;
    if (url.pathname === '/_log' && req.method === 'GET') return sendJson(res, log.select(tag));
    if (url.pathname === '/_log/clear' && req.method === 'POST') {
      log.clear(tag);
      res.writeHead(204).end();
      return;
    }
    const plan = parseFaultPath(modePrefix + url.pathname);
    if ('error' in plan) return send(res, textReply(404, plan.error));
    handleDoh(req, res, url, plan).catch((error: Error) => {
      if (res.headersSent || res.destroyed) return;
      // The upstream (knotd) failed: a bug in the stack, not a fault anyone asked for.
      send(res, textReply(502, `fault server: ${error.message}`));
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    log: log.entries,
    clearLog: (tag) => log.clear(tag ?? null),
    setDefaultModes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const cancel of inFlight) cancel.abort(new Error('fault server closing'));
        // Hung and keep-alive connections would otherwise hold close() open forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
