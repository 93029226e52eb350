// The fault server's default modes, which the end-to-end tests use to make a mapped provider
// (`https://cloudflare-dns.com/dns-query`, path fixed) hang or slow down. No browser here.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../stack/stack-info';
import { answerData, dohWire } from '../stack/doh-client';
import type { FaultServer } from '../stack/fault-server';
import { createTrustedFetch } from '../stack/trusted-fetch';
import { startResolverDouble } from './harness/resolvers';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
let double: FaultServer & { port: number };

beforeAll(async () => {
  double = await startResolverDouble(stack);
});
afterAll(async () => {
  await double?.close();
  await trusted.close();
});

describe('a fault server playing a resolver (defaultModes)', () => {
  it('answers normally at /dns-query without default modes', async () => {
    const result = await dohWire(trusted.fetch, `${double.url}/dns-query`, { name: 'one-mx.test', type: 'MX' });
    expect(result.status).toBe(200);
    expect(answerData(result.body)).toEqual(['10 mx.one-mx.test.']);
  });

  it('applies switched modes to every request, before the path’s own', async () => {
    double.setDefaultModes(['delay', '150']);
    const started = performance.now();
    const slow = await dohWire(trusted.fetch, `${double.url}/dns-query`, { name: 'one-mx.test', type: 'MX' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(answerData(slow.body)).toEqual(['10 mx.one-mx.test.']);
    double.setDefaultModes(['status', '503']);
    expect((await dohWire(trusted.fetch, `${double.url}/tag/t/dns-query`, { name: 'one-mx.test', type: 'MX' })).status).toBe(503);
    double.setDefaultModes([]);
  });

  it('hangs every request in hang mode, and logs the client giving up', async () => {
    double.setDefaultModes(['hang']);
    double.clearLog();
    const request = dohWire(trusted.fetch, `${double.url}/dns-query`, { name: 'one-mx.test', type: 'MX', signal: AbortSignal.timeout(300) });
    await expect(request).rejects.toThrow();
    await expect.poll(() => double.log.map((entry) => [entry.name, entry.modes, entry.aborted])).toEqual([['one-mx.test', ['hang'], true]]);
    double.setDefaultModes([]);
  });

  it('keeps its own log endpoints out of the default modes', async () => {
    double.setDefaultModes(['hang']);
    const response = await trusted.fetch(`${double.url}/_log`);
    expect(response.status).toBe(200);
    double.setDefaultModes([]);
  });
});
