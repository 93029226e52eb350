// Firefox's counterpart of Chromium's `--host-resolver-rules "MAP host 127.0.0.1:port"`.
// Firefox can send every name to one address (`network.dns.forceResolve`) but keeps the URL's
// port, so this listens on that address at the real ports and forwards, without touching the
// bytes: :443 by the TLS server name (SNI) to the DoH server playing that provider (dnsdist, or
// a fault server), :80 to the fixture site server.
//
// Each browser gets its own address in 127.0.0.0/8 (Linux answers on all of it), so test files,
// and two test runs on one machine, never fight over :443 and :80.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { readServerName } from './client-hello';

export interface LoopbackHosts {
  /** The address every name resolves to in the browser, e.g. 127.83.20.7. */
  address: string;
  /**
   * Sends new TLS connections for `host` to 127.0.0.1:`port`, and cuts the ones already open
   * to it, so the browser reconnects (to the new server).
   */
  routeTls(host: string, port: number): void;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  /** TLS connections whose name has no route of its own (the DoH front end). */
  tlsDefaultPort: number;
  tlsRoutes?: Record<string, number>;
  /** Plain HTTP on :80 (the fixture sites). */
  httpPort: number;
}

function pipeTo(client: Socket, port: number, first?: Buffer): Socket {
  const upstream = connect(port, '127.0.0.1');
  if (first) upstream.write(first);
  client.pipe(upstream).pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close).on('close', close);
  upstream.on('error', close).on('close', close);
  return upstream;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

const randomLoopback = () => `127.${20 + Math.floor(Math.random() * 230)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 253)}`;

export async function startLoopbackHosts(options: LoopbackOptions): Promise<LoopbackHosts> {
  const routes = new Map(Object.entries(options.tlsRoutes ?? {}));
  const open = new Map<string, Set<Socket>>();
  const sockets = new Set<Socket>();

  const tls = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const name = readServerName(head);
      if (name === undefined && head.length < 16_389) return; // wait for the whole record
      client.off('data', onData);
      const host = name ?? '';
      const port = routes.get(host) ?? options.tlsDefaultPort;
      const set = open.get(host) ?? new Set<Socket>();
      open.set(host, set);
      set.add(client);
      client.on('close', () => set.delete(client));
      pipeTo(client, port, head);
    };
    client.on('data', onData);
    client.on('error', () => client.destroy());
  });
  const http = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    pipeTo(client, options.httpPort);
  });

  const bind = async (): Promise<string> => {
    for (let attempt = 1; ; attempt++) {
      const address = randomLoopback();
      try {
        await listen(tls, 443, address);
        try {
          await listen(http, 80, address);
        } catch (error) {
          await new Promise((resolve) => tls.close(resolve));
          throw error;
        }
        return address;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EACCES')
          throw new Error(`Binding ${address}:443 needs root or CAP_NET_BIND_SERVICE (the Firefox suite listens on the real HTTPS port).`, { cause: error });
        if (attempt >= 5) throw error;
      }
    }
  };
  const address = await bind();

  return {
    address,
    routeTls(host, port) {
      routes.set(host, port);
      for (const socket of open.get(host) ?? []) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([tls, http].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
