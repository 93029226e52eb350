// Which loopback server answers for each of the shipped default resolvers. Chromium's
// `--host-resolver-rules` maps a host to ip:port but keeps the URL's path (`/dns-query`), so a
// resolver that must misbehave gets its own fault-server instance with default modes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFaultServer, type FaultServer } from '../../stack/fault-server';
import type { StackInfo } from '../../stack/stack-info';

/** The shipped providers' hosts, in the order the extension falls back through them. */
export const PROVIDER_HOSTS = {
  cloudflare: 'cloudflare-dns.com',
  google: 'dns.google',
  quad9: 'dns.quad9.net',
  adguard: 'dns.adguard-dns.com',
} as const;
export type ProviderId = keyof typeof PROVIDER_HOSTS;

/** Port on 127.0.0.1 for each provider; unset ones go to dnsdist (the real DoH front end). */
export type ResolverPorts = Partial<Record<ProviderId, number>>;

export function resolverRules(stack: StackInfo, ports: ResolverPorts): string[] {
  return (Object.keys(PROVIDER_HOSTS) as ProviderId[]).map((id) => `MAP ${PROVIDER_HOSTS[id]} 127.0.0.1:${ports[id] ?? stack.dohPort}`);
}

/**
 * A fault server (forwarding to the stack's knotd) that plays one provider. `modes` are path
 * segments applied to every request, e.g. `['hang']` or `['delay', '400']`; change them later
 * with `setDefaultModes`. Its certificate is the stack's (valid for the providers' names).
 */
export async function startResolverDouble(stack: StackInfo, modes: readonly string[] = []): Promise<FaultServer & { port: number }> {
  const [cert, key] = await Promise.all([readFile(join(stack.dir, 'leaf.pem')), readFile(join(stack.dir, 'leaf.key'))]);
  const server = await startFaultServer({ cert, key, upstream: stack.knot, defaultModes: modes });
  return { ...server, port: Number(new URL(server.url).port) };
}
