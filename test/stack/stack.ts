// Starts the whole DNS test stack: certificates, knotd with the fixture zones, dnsdist as the
// DoH front end, and the fault server. Used by the vitest global setup, start.ts and benchmarks.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireStackBinaries } from './binaries';
import { makeCerts, type CertFiles } from './cert';
import { startDnsdist, type HostPort } from './dnsdist';
import { startFaultServer, type FaultServer } from './fault-server';
import { startKnot } from './knot';
import type { StackInfo } from './stack-info';

export type { StackInfo } from './stack-info';

export interface StackOptions {
  /** Where the DoH front end listens; default 127.0.0.1 at a free port (E2E may want :443). */
  doh?: Partial<HostPort>;
  /** Fault server port; default a free one. */
  faultPort?: number;
  /** Use this directory instead of a fresh temporary one (it is not deleted on stop). */
  dir?: string;
  zonesDir?: string;
}

export interface Stack {
  info: StackInfo;
  /** The fault server object itself, for in-process users (its log without HTTP). */
  fault: FaultServer;
  cert: CertFiles;
  pids: { knotd: number; dnsdist: number };
  /** Stops every process and server, then deletes the temporary directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** Awaits all, registering a stop for each one that started, then throws the first failure. */
async function startAll<T extends { stop(): Promise<void> }>(starts: Promise<T>[], stops: (() => Promise<void>)[]): Promise<T[]> {
  const results = await Promise.allSettled(starts);
  for (const r of results) if (r.status === 'fulfilled') stops.push(() => r.value.stop());
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  requireStackBinaries();
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'mxray-stack-')));
  const stops: (() => Promise<void>)[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Reverse start order: front ends first, so nothing queries a stopped knotd.
      for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    })());
  try {
    // Certificates and knotd do not depend on each other: start them together. allSettled, so a
    // knotd that starts while the certificates fail is still registered and stopped.
    const [certResult, knotResult] = await Promise.allSettled([makeCerts(dir), startKnot({ dir, zonesDir: options.zonesDir })]);
    if (knotResult.status === 'fulfilled') stops.push(knotResult.value.stop);
    if (certResult.status === 'rejected') throw certResult.reason;
    if (knotResult.status === 'rejected') throw knotResult.reason;
    const [cert, knot] = [certResult.value, knotResult.value];
    const upstream = { host: knot.host, port: knot.port };
    const [certPem, keyPem] = await Promise.all([readFile(cert.certPath), readFile(cert.keyPath)]);
    const dnsdistStart = startDnsdist({ dir, certPath: cert.certPath, keyPath: cert.keyPath, caPem: cert.caPem, upstream, doh: options.doh });
    const faultStart = startFaultServer({ cert: certPem, key: keyPem, upstream, port: options.faultPort }).then((f) => ({ ...f, stop: f.close }));
    const [dnsdist, fault] = (await startAll<{ stop(): Promise<void> }>([dnsdistStart, faultStart], stops)) as [
      Awaited<typeof dnsdistStart>,
      Awaited<typeof faultStart>,
    ];
    const info: StackInfo = {
      dohUrl: dnsdist.dohUrl,
      dohPort: dnsdist.doh.port,
      knot: upstream,
      faultUrl: fault.url,
      caPath: cert.caPath,
      caPem: cert.caPem,
      dir,
    };
    return { info, fault, cert, pids: { knotd: knot.pid, dnsdist: dnsdist.pid }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
