// Starts the DNS test stack for manual use, the CLI and benchmarks, prints where everything is
// as one line of JSON, and stops it all on SIGINT/SIGTERM.
//   npx tsx test/stack/start.ts [--doh-host 127.0.0.1] [--doh-port 443] [--fault-port 8443]
import { parseArgs } from 'node:util';
import { startStack } from './stack';

const { values } = parseArgs({
  options: {
    'doh-host': { type: 'string' },
    'doh-port': { type: 'string' },
    'fault-port': { type: 'string' },
  },
});
const port = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const stack = await startStack({
  doh: { host: values['doh-host'], port: port(values['doh-port']) },
  faultPort: port(values['fault-port']),
});
const { caPem: _caPem, ...printable } = stack.info;
console.log(JSON.stringify({ ...printable, certPath: stack.cert.certPath, keyPath: stack.cert.keyPath, pids: stack.pids }));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().then(() => process.exit(0));
  });
}
// Stay alive: the servers keep the event loop busy, and an interval makes that explicit.
setInterval(() => undefined, 1 << 30);
