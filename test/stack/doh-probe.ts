// One RFC 8484 POST with node:https, trusting the test CA. Used to wait until a DoH front end
// answers; tests themselves use undici's fetch like the engine does.
import { request } from 'node:https';
import dnsPacket from 'dns-packet';

export function dohRcode(url: string, ca: string, name: string, type: 'SOA' | 'MX' = 'SOA'): Promise<number> {
  const query = dnsPacket.encode({ type: 'query', id: 0, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name }] });
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      ca,
      agent: false,
      timeout: 1_000,
      headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' },
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer within 1 s`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode}`));
        try {
          resolve((dnsPacket.decode(Buffer.concat(chunks)).flags ?? 0) & 0xf);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    req.end(query);
  });
}

/** Polls until `url` answers NOERROR for the `test.` SOA, or throws after `timeoutMs`. */
export async function waitForDoh(url: string, ca: string, isDead: () => string | null, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let lastError: string;
  for (;;) {
    const dead = isDead();
    if (dead) throw new Error(dead);
    try {
      if ((await dohRcode(url, ca, 'test.')) === 0) return;
      lastError = 'answered, but not NOERROR';
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (performance.now() > deadline) throw new Error(`${url} not answering after ${timeoutMs} ms: ${lastError}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
