/** The soak's figures, as printed at the end of its run (and by `npm run soak`). */
import type { SoakFigures } from './soak-run';

const n = (value: number) => value.toLocaleString('en');
const kb = (bytes: number) => `${n(bytes)} bytes (${(bytes / 1024).toFixed(0)} KB)`;

export function formatFigures(f: SoakFigures, seed: number): string {
  const s = f.storage;
  const z = f.zoneChanges;
  return [
    `MXray watch soak (seed ${seed}): ${f.names} watched names, ${f.days} simulated days, in ${f.wallSeconds.toFixed(1)} s (${f.cpuSeconds.toFixed(1)} s of CPU)`,
    `  checks run           ${n(f.checksRun)} (${n(f.checksFailed)} failed: resolvers down or timing out)`,
    `  changes logged       ${n(f.changesLogged)} (the zone model's ground truth: ${n(f.changesExpected)})`,
    `  notifications        ${n(f.notifications)}`,
    `  zone changes made    MX ${z.mx}, SPF ${z.spf}, DMARC ${z.dmarc}, provider address ${z.provider} (×20 names), toggle ${z.toggle}`,
    `  alarms fired         ${n(f.alarmsFired)}`,
    `  worker stops         ${f.workerStopsIdle + f.workerStopsMidCheck} (${f.workerStopsIdle} idle, ${f.workerStopsMidCheck} in a check); worker starts ${f.workerStarts}`,
    `  browser restarts     ${f.browserRestarts}`,
    `  DoH requests         ${n(f.dohRequests)}`,
    `  storage at the end   ${kb(s.historyBytes + s.watchBytes + s.localBytes)}: IndexedDB history ${kb(s.historyBytes)} (${s.historyNames} names, at most ${s.maxChecksPerName} checks each), watch list ${kb(s.watchBytes)} (at most ${s.maxLogEntries} log entries a name), storage.local ${kb(s.localBytes)}; storage.session ${kb(s.sessionBytes)}`,
    `  heap after GC        day 1 ${f.heapMb.day1.toFixed(1)} MB, day 7 ${f.heapMb.day7.toFixed(1)} MB, day ${f.days} ${f.heapMb.day30.toFixed(1)} MB (${(f.heapMb.day30 - f.heapMb.day1).toFixed(1)} MB since day 1; the stores fill to their bounds in the first days)`,
    f.toggle
      ? `  toggle               ${f.toggle.name}: SPF changed at ${f.toggle.from} and back at ${f.toggle.to}, ${f.toggle.checksInside} checks in between, not logged`
      : '  toggle               never placed',
  ].join('\n');
}
