// Runs knotd, the authoritative server for the fixture zones, on 127.0.0.1 at a free high port
// (UDP and TCP), with its config, database and socket in a private directory.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import dnsPacket from 'dns-packet';
import { findBinary } from './binaries';
import { startDaemon, type Daemon } from './child-process';
import { exchangeUdp } from './dns-exchange';
import { freePort } from './free-port';
import { listZoneFiles, type ZoneFile } from './zone-files';

export interface KnotOptions {
  /** Private working directory (config, database, control socket). */
  dir: string;
  host?: string;
  /** Default: a free port. */
  port?: number;
  zonesDir?: string;
}

export interface KnotServer {
  host: string;
  port: number;
  pid: number;
  zones: ZoneFile[];
  stop(): Promise<void>;
}

// Block-style YAML. The zone files are read-only fixtures: never write back into them
// (zonefile-sync: -1) and keep no journal, so every start serves exactly what is on disk.
function knotConfig(dir: string, host: string, port: number, zones: ZoneFile[]): string {
  const zoneLines = zones.flatMap((z) => [`  - domain: "${z.origin}"`, `    file: "${z.path}"`]);
  return [
    'server:',
    `    listen: ${host}@${port}`,
    `    rundir: "${dir}"`,
    '    udp-workers: 2',
    '    tcp-workers: 2',
    '    background-workers: 1',
    'database:',
    `    storage: "${join(dir, 'db')}"`,
    'log:',
    '  - target: stderr',
    '    any: info',
    'template:',
    '  - id: default',
    '    zonefile-sync: -1',
    '    zonefile-load: whole',
    '    journal-content: none',
    'zone:',
    ...zoneLines,
    '',
  ].join('\n');
}

async function soaAnswers(host: string, port: number, zone: string): Promise<boolean> {
  const query = dnsPacket.encode({ type: 'query', id: 1, questions: [{ type: 'SOA', name: zone }] });
  try {
    const answer = dnsPacket.decode(await exchangeUdp({ host, port }, query, 300));
    return ((answer.flags ?? 0) & 0xf) === 0 && answer.flag_aa && (answer.answers?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

/** Waits until every zone answers its SOA authoritatively, i.e. knotd listens and loaded it. */
async function waitUntilServing(daemon: Daemon, host: string, port: number, zones: ZoneFile[]): Promise<void> {
  const deadline = performance.now() + 5_000;
  let pending = zones.map((z) => z.origin);
  let exited = false;
  void daemon.exited().then(() => (exited = true));
  while (pending.length > 0) {
    if (exited) throw new Error(`knotd exited during start:\n${daemon.output()}`);
    // A zone that fails to parse is never served; say which line is wrong instead of timing out.
    const zoneErrors = daemon
      .output()
      .split('\n')
      .filter((line) => /error: \[/.test(line));
    if (zoneErrors.length > 0) throw new Error(`knotd could not load a fixture zone:\n${zoneErrors.join('\n')}`);
    const loaded = await Promise.all(pending.map((zone) => soaAnswers(host, port, zone)));
    pending = pending.filter((_, i) => !loaded[i]);
    if (pending.length === 0) return;
    if (performance.now() > deadline) {
      throw new Error(`knotd did not serve ${pending.join(', ')} within 5 s:\n${daemon.output()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function startKnot(options: KnotOptions): Promise<KnotServer> {
  const knotd = findBinary('knotd');
  const host = options.host ?? '127.0.0.1';
  const zones = listZoneFiles(options.zonesDir);
  const dir = join(options.dir, 'knot');
  await mkdir(join(dir, 'db'), { recursive: true });
  // The free port can be taken between the check and knotd's bind, so try a few.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort(host));
    const configPath = join(dir, 'knot.conf');
    await writeFile(configPath, knotConfig(dir, host, port, zones));
    const daemon = startDaemon('knotd', knotd, ['--config', configPath], dir);
    try {
      await waitUntilServing(daemon, host, port, zones);
      return { host, port, pid: daemon.pid, zones, stop: () => daemon.stop() };
    } catch (error) {
      await daemon.stop();
      const bindFailed = /cannot bind|address already in use/i.test(daemon.output());
      if (!bindFailed || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}
