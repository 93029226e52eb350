/**
 * The DoH resolvers MXray knows by name. The extension's install-time host permissions are
 * exactly these origins (manifest.json), so keep the two lists in step; a test checks it.
 * All speak RFC 8484 wire format; Google and Cloudflare also speak the JSON API.
 */

export type DohFormat = 'wire' | 'json';

export interface DohProvider {
  /** Stable id used in settings, reports and the CLI (`--resolver google`). */
  id: string;
  /** Shown to people: "Cloudflare", or the host of a custom URL. */
  name: string;
  url: string;
  format: DohFormat;
}

export const BUILT_IN_PROVIDERS = [
  { id: 'cloudflare', name: 'Cloudflare', url: 'https://cloudflare-dns.com/dns-query', format: 'wire' },
  { id: 'google', name: 'Google', url: 'https://dns.google/dns-query', format: 'wire' },
  { id: 'quad9', name: 'Quad9', url: 'https://dns.quad9.net/dns-query', format: 'wire' },
  { id: 'adguard', name: 'AdGuard', url: 'https://dns.adguard-dns.com/dns-query', format: 'wire' },
] as const satisfies readonly DohProvider[];

export type BuiltInProviderId = (typeof BUILT_IN_PROVIDERS)[number]['id'];

export const DEFAULT_PROVIDER_ID: BuiltInProviderId = 'cloudflare';

export function builtInProvider(id: string): DohProvider | undefined {
  return BUILT_IN_PROVIDERS.find((provider) => provider.id === id);
}

export class InvalidResolverUrl extends Error {
  readonly code = 'invalid-resolver-url';
}

/**
 * A resolver the user typed. Must be https (RFC 8484 §5: DoH is HTTPS only). Format defaults to
 * JSON for a `/resolve` path (Google's JSON endpoint), wire otherwise.
 */
export function customProvider(url: string, format?: DohFormat): DohProvider {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new InvalidResolverUrl(`"${url.slice(0, 80)}" is not a URL. A DoH resolver URL looks like https://dns.example/dns-query.`);
  }
  if (parsed.protocol !== 'https:') {
    throw new InvalidResolverUrl(`DNS-over-HTTPS needs an https:// URL (got ${parsed.protocol}).`);
  }
  if (parsed.username || parsed.password) {
    throw new InvalidResolverUrl('A resolver URL must not contain a user name or password.');
  }
  parsed.hash = '';
  const chosen = format ?? (parsed.pathname.endsWith('/resolve') ? 'json' : 'wire');
  return { id: parsed.href, name: parsed.host, url: parsed.href, format: chosen };
}

/** `--resolver google`, or a URL. */
export function resolveProvider(idOrUrl: string, format?: DohFormat): DohProvider {
  const known = builtInProvider(idOrUrl.trim().toLowerCase());
  if (known) return format && format !== known.format ? { ...known, format, id: `${known.id}-${format}`, url: jsonUrlOf(known) } : known;
  return customProvider(idOrUrl, format);
}

/** Google's JSON API lives at /resolve; Cloudflare's on the same /dns-query path. */
function jsonUrlOf(provider: DohProvider): string {
  return provider.id === 'google' ? 'https://dns.google/resolve' : provider.url;
}

/**
 * The chain to ask: the chosen resolver first, then (when fallback is on) the other built-in
 * ones in their usual order. A resolver is never asked twice.
 */
export function providerChain(primary: DohProvider, fallback: boolean): DohProvider[] {
  if (!fallback) return [primary];
  const rest = BUILT_IN_PROVIDERS.filter((p) => p.url !== primary.url && p.id !== primary.id);
  return [primary, ...rest];
}
