import { describe, expect, it } from 'vitest';
import { httpPolicyFetcher } from '../mail/mta-sts/http-policy-fetcher';
import { BodyTooLarge, readCappedBody } from './read-capped-body';

/** A body that never ends, counting how many chunks were pulled from it. */
function endless(): { response: Response; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(4096));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(stream, { headers: { 'content-type': 'text/plain' } }), pulled: () => pulled, cancelled: () => cancelled };
}

describe('readCappedBody', () => {
  it('stops an endless body just past the cap and cancels the stream', async () => {
    const body = endless();
    const error = await readCappedBody(body.response, 65_535).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLarge);
    expect((error as BodyTooLarge).seen).toBe(65_536);
    expect(body.pulled()).toBeLessThan(20);
    expect(body.cancelled()).toBe(true);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const body = endless();
    const response = new Response(body.response.body, { headers: { 'content-length': '10485760' } });
    await expect(readCappedBody(response, 65_535)).rejects.toMatchObject({ seen: 10_485_760 });
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  it('returns a body within the cap whole, in order', async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    expect(await readCappedBody(new Response(bytes), 70_000)).toEqual(bytes);
    await expect(readCappedBody(new Response(bytes), 69_999)).rejects.toBeInstanceOf(BodyTooLarge);
  });
});

describe('the MTA-STS policy fetch', () => {
  it('reads an endless policy file only up to its cap and says why it stopped', async () => {
    const body = endless();
    const fetchPolicy = httpPolicyFetcher(async () => body.response, 1_000);
    await expect(fetchPolicy('https://mta-sts.example/.well-known/mta-sts.txt')).rejects.toThrow(
      /larger than a policy needs; MXray stopped reading at 65536 bytes/,
    );
    expect(body.pulled()).toBeLessThan(20);
  });

  it('asks fetch never to follow a redirect (RFC 8461 §3.3)', async () => {
    let init: RequestInit | undefined;
    const fetchPolicy = httpPolicyFetcher(async (_url, given) => {
      init = given;
      return new Response('version: STSv1\n');
    }, 1_000);
    await fetchPolicy('https://mta-sts.example/.well-known/mta-sts.txt');
    expect(init?.redirect).toBe('error');
  });
});
