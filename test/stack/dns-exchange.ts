// Sends one wire-format DNS query to an authoritative server and returns the wire answer:
// UDP first, then TCP when the UDP answer is truncated (RFC 1035 4.2.1, RFC 7766 5).
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';

export interface Upstream {
  host: string;
  port: number;
}

const TC_BIT = 0x02; // in the third header byte

export function isTruncated(wire: Uint8Array): boolean {
  return wire.length >= 3 && ((wire[2] ?? 0) & TC_BIT) !== 0;
}

export function exchangeUdp(upstream: Upstream, query: Uint8Array, timeoutMs = 2_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(upstream.host.includes(':') ? 'udp6' : 'udp4');
    const done = (error: Error | null, answer?: Buffer) => {
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(answer as Buffer);
    };
    const timer = setTimeout(() => done(new Error(`UDP query to ${upstream.host}:${upstream.port} timed out`)), timeoutMs);
    socket.on('error', (error) => done(error));
    socket.on('message', (message, remote) => {
      // Ignore anything that is not the answer to this query (wrong sender or ID).
      if (remote.port !== upstream.port || message.readUInt16BE(0) !== Buffer.from(query).readUInt16BE(0)) return;
      done(null, message);
    });
    socket.send(query, upstream.port, upstream.host);
  });
}

export function exchangeTcp(upstream: Upstream, query: Uint8Array, timeoutMs = 2_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(upstream.port, upstream.host);
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error(`TCP query to ${upstream.host}:${upstream.port} timed out`)), timeoutMs);
    const finish = (error: Error | null, answer?: Buffer) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(answer as Buffer);
    };
    socket.on('error', (error) => finish(error));
    socket.on('connect', () => {
      // RFC 1035 4.2.2: each message is prefixed with its two-byte length.
      const length = Buffer.alloc(2);
      length.writeUInt16BE(query.length);
      socket.write(Buffer.concat([length, query]));
    });
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
        finish(null, received.subarray(2, 2 + received.readUInt16BE(0)));
      }
    });
  });
}

export async function exchange(upstream: Upstream, query: Uint8Array): Promise<Buffer> {
  const answer = await exchangeUdp(upstream, query);
  return isTruncated(answer) ? exchangeTcp(upstream, query) : answer;
}
