// The fault server's hostile modes: what a broken or malicious resolver does to a client's
// memory and privacy, not just to its answers. Each one takes over the response.
//   /endless        200 with the right content type, a chunked body that never ends
//   /huge-body      200 with the right content type, 10 MB chunked (no Content-Length)
//   /redirect-http  302 to the same path and query over plain http (cleartext questions)
//   /reset          the TCP connection is destroyed before any answer (ECONNRESET)
//   /drip           200 with the right content type, then one byte every 100 ms, forever
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultPlan } from './fault-modes';

export const HOSTILE_MODES = ['endless', 'huge-body', 'redirect-http', 'reset', 'drip'] as const;

const HUGE_BODY_BYTES = 10 * 1024 * 1024;
const CHUNK = Buffer.alloc(16 * 1024, 0x41);

/** True when a hostile mode took the response over. */
export function hostileReply(plan: FaultPlan, req: IncomingMessage, res: ServerResponse, url: URL, format: 'wire' | 'json'): boolean {
  const flags = plan.flags as ReadonlySet<string>;
  const contentType = format === 'json' ? 'application/dns-json' : 'application/dns-message';
  if (flags.has('reset')) {
    req.socket.destroy();
    return true;
  }
  if (flags.has('redirect-http')) {
    const host = req.headers.host ?? '127.0.0.1';
    res.writeHead(302, { location: `http://${host}${url.pathname}${url.search}`, 'content-length': '0' });
    res.end();
    return true;
  }
  if (flags.has('drip')) {
    res.writeHead(200, { 'content-type': contentType, 'access-control-allow-origin': '*' });
    const timer = setInterval(() => res.write(CHUNK.subarray(0, 1)), 100);
    res.on('close', () => clearInterval(timer));
    return true;
  }
  if (flags.has('endless') || flags.has('huge-body')) {
    res.writeHead(200, { 'content-type': contentType, 'access-control-allow-origin': '*' });
    streamBody(res, flags.has('endless') ? Infinity : HUGE_BODY_BYTES);
    return true;
  }
  return false;
}

/** Writes `total` bytes as fast as the client reads them; stops when the client goes away. */
function streamBody(res: ServerResponse, total: number): void {
  let sent = 0;
  const pump = (): void => {
    while (!res.destroyed && sent < total) {
      const chunk = total - sent >= CHUNK.length ? CHUNK : CHUNK.subarray(0, total - sent);
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}
