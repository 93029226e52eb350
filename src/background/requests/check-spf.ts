/**
 * "Test a sending server": RFC 7208 check_host() (src/core/mail/spf/check-host) through the
 * worker's DoH client, so it shares the lookup's cache and in-flight dedupe (the domain's SPF
 * record is usually already there). Bad input is a rejected request with a sentence to show.
 */
import { checkSpf as check, clientAsk, parseSendingIp, type SpfCheck } from '../../core/mail/spf/check-host';
import type { SpfCheckPayload } from '../../core/mail/spf/check-host/types';
import { engine, persistCacheSoon } from '../engine';

export async function checkSpf(request: SpfCheckPayload): Promise<SpfCheck> {
  const ip = parseSendingIp(String(request?.ip ?? ''));
  if (!ip.ok) throw new Error(ip.error);
  const { client } = await engine();
  try {
    return await check(
      { ip: ip.ip.ip, sender: String(request.sender ?? ''), helo: typeof request.helo === 'string' ? request.helo : null },
      { ask: clientAsk(client) },
    );
  } finally {
    persistCacheSoon();
  }
}
