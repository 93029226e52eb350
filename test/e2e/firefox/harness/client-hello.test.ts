// The SNI reader of the loopback router, on ClientHellos made by Node's own TLS client.
import { createServer, type AddressInfo } from 'node:net';
import { connect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { readServerName } from './client-hello';

const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** The first bytes a TLS client sends when asked for `servername`. */
async function clientHello(servername?: string): Promise<Buffer> {
  let received = Buffer.alloc(0);
  const got = new Promise<Buffer>((resolve) => {
    const server = createServer((socket) => {
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (received.length >= 5 && received.length >= 5 + received.readUInt16BE(3)) {
          resolve(received);
          socket.destroy();
        }
      });
    });
    servers.push(server);
    server.listen(0, '127.0.0.1', () => {
      const client = connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, servername, rejectUnauthorized: false });
      client.on('error', () => undefined);
    });
  });
  return got;
}

describe('readServerName (TLS SNI, RFC 6066 §3)', () => {
  it('reads the host name the client asked for, lowercased', async () => {
    expect(readServerName(await clientHello('Cloudflare-DNS.com'))).toBe('cloudflare-dns.com');
  });

  it('asks for more bytes while the record is incomplete', async () => {
    const hello = await clientHello('dns.google');
    expect(readServerName(hello.subarray(0, 3))).toBeUndefined();
    expect(readServerName(hello.subarray(0, hello.length - 1))).toBeUndefined();
  });

  it('says null for a ClientHello without SNI and for bytes that are not TLS', async () => {
    expect(readServerName(await clientHello(''))).toBeNull();
    expect(readServerName(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))).toBeNull();
  });
});
