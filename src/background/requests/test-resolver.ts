/**
 * The options page's "Test" button: ask only that resolver one question, without fallback and
 * without the cache, and say how long it took or what went wrong in words.
 */
import { DohClient } from '../../core/doh/doh-client';
import { InvalidResolverUrl } from '../../core/doh/providers';
import { ResolverError } from '../../core/errors';
import { extensionApi } from '../../platform/extension-api';
import type { Requests } from '../../shared/messages';
import type { ResolverSetting } from '../../shared/settings';
import { chosenProvider } from '../../shared/resolver-chain';

type Result = Requests['testResolver'][1];

/** Any name works: a DNS answer of any kind (even NXDOMAIN) proves the resolver speaks DoH. */
const PROBE = { name: 'example.com', type: 'MX' } as const;

export async function testResolver(setting: ResolverSetting): Promise<Result> {
  let provider;
  try {
    provider = chosenProvider(setting);
  } catch (error) {
    return { ok: false, message: error instanceof InvalidResolverUrl ? error.message : 'That resolver setting is not valid.' };
  }
  if (setting.id === 'custom') {
    const origin = `${new URL(provider.url).origin}/*`;
    if (!(await extensionApi.permissions.contains({ origins: [origin] }))) {
      return { ok: false, message: `MXray has no permission to reach ${new URL(provider.url).host}. Pick the resolver again and allow access when asked.` };
    }
  }
  const client = new DohClient({ providers: [provider], timeoutMs: 5_000 });
  const started = performance.now();
  try {
    await client.query(PROBE);
    return { ok: true, ms: Math.round(performance.now() - started), resolver: provider.name };
  } catch (error) {
    return { ok: false, message: error instanceof ResolverError ? error.message : `The test failed: ${String(error)}` };
  }
}
