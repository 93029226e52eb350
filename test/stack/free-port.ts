// Asks the kernel for a port that is free for both TCP and UDP on the given address. Another
// process could take it before the daemon binds, so callers retry on bind failure.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

function bindTcp(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

function bindUdp(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    socket.once('error', reject);
    socket.bind(port, host, () => socket.close(() => resolve()));
  });
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await bindTcp(host, 0);
    try {
      await bindUdp(host, port);
      return port;
    } catch {
      // UDP side taken; try another
    }
  }
  throw new Error(`no free TCP+UDP port on ${host}`);
}
