// The MTA-STS policy host of a fixture domain (RFC 8461 §3.3): a tiny HTTPS server on 127.0.0.1
// serving one policy file from test/zones/mta-sts/ at /.well-known/mta-sts.txt. The browser
// reaches it by name through a host rule (`MAP mta-sts.sts.test 127.0.0.1:PORT`); its
// certificate is the stack's leaf (not valid for that name: Chromium runs with
// --ignore-certificate-errors). Every request is logged, so a test can say none was made.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { StackInfo } from '../../stack/stack-info';
import { REPO_ROOT } from './paths';

export const POLICY_DIR = join(REPO_ROOT, 'test/zones/mta-sts');
export const POLICY_PATH = '/.well-known/mta-sts.txt';

export interface PolicyRequest {
  host: string;
  method: string;
  path: string;
}

export interface PolicyServer {
  port: number;
  /** Live: appended as requests arrive. */
  requests: PolicyRequest[];
  /** `MAP <host> 127.0.0.1:<port>`, for `extraHostRules`. */
  hostRule(host: string): string;
  close(): Promise<void>;
}

/** Serves `file` (a name in test/zones/mta-sts/) as text/plain at the well-known path; 404 elsewhere. */
export async function startPolicyServer(stack: StackInfo, file: string): Promise<PolicyServer> {
  const [cert, key, body] = await Promise.all([
    readFile(join(stack.dir, 'leaf.pem')),
    readFile(join(stack.dir, 'leaf.key')),
    readFile(join(POLICY_DIR, file), 'utf8'),
  ]);
  const requests: PolicyRequest[] = [];
  const server = createServer({ cert, key }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push({ host: (req.headers.host ?? '').replace(/:\d+$/, ''), method: req.method ?? '', path });
    if (path !== POLICY_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    hostRule: (host) => `MAP ${host} 127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
