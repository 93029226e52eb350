/**
 * The resolver part of the options page as pure functions: what a typed custom URL means, what
 * the settings become when a resolver is picked, and the sentences a person reads about it.
 * No DOM and no extension API here, so every rule has a plain unit test.
 */
import { BUILT_IN_PROVIDERS, builtInProvider, customProvider, InvalidResolverUrl, type DohFormat, type DohProvider } from '../core/doh/providers';
import type { ResolverSetting, Settings } from '../shared/settings';

export type ResolverChoice = ResolverSetting['id'];

export const RESOLVER_CHOICES: readonly { id: ResolverChoice; name: string; detail: string }[] = [
  ...BUILT_IN_PROVIDERS.map((p) => ({ id: p.id, name: p.name, detail: new URL(p.url).host })),
  { id: 'custom', name: 'Custom', detail: 'any DNS-over-HTTPS resolver you name' },
];

export type CustomUrlCheck = { ok: true; provider: DohProvider } | { ok: false; message: string };

/** Validates a typed resolver URL with the same rules the lookups use (`customProvider`). */
export function checkCustomUrl(url: string, format?: DohFormat): CustomUrlCheck {
  if (url.trim() === '') return { ok: false, message: 'Type the URL of a DNS-over-HTTPS resolver, such as https://dns.example/dns-query.' };
  try {
    return { ok: true, provider: customProvider(url, format) };
  } catch (error) {
    if (error instanceof InvalidResolverUrl) return { ok: false, message: error.message };
    throw error;
  }
}

/** The format a URL implies when the person has not picked one: Google-style `/resolve` is JSON. */
export function impliedFormat(url: string): DohFormat {
  const check = checkCustomUrl(url);
  return check.ok ? check.provider.format : 'wire';
}

/** Settings with a built-in resolver chosen. The custom URL is kept, so picking Custom again restores it. */
export function withBuiltInResolver(settings: Settings, id: Exclude<ResolverChoice, 'custom'>): Settings {
  const resolver: ResolverSetting = { ...settings.resolver, id };
  return { ...settings, resolver };
}

/**
 * Settings with a checked custom resolver. The URL is stored normalised (trimmed, no fragment);
 * the format only when the person picked one that differs from what the URL implies, so a later
 * URL change still gets its own implied format.
 */
export function withCustomResolver(settings: Settings, provider: DohProvider, pickedFormat?: DohFormat): Settings {
  const resolver: ResolverSetting = { id: 'custom', customUrl: provider.url };
  const implied = customProvider(provider.url).format;
  if (pickedFormat && pickedFormat !== implied) resolver.customFormat = pickedFormat;
  return { ...settings, resolver };
}

export function sameResolver(a: ResolverSetting, b: ResolverSetting): boolean {
  return a.id === b.id && (a.id !== 'custom' || (a.customUrl === b.customUrl && (a.customFormat ?? 'implied') === (b.customFormat ?? 'implied')));
}

/** "Cloudflare", or the host of a custom resolver: how the options page names the resolver in use. */
export function resolverName(resolver: ResolverSetting): string {
  if (resolver.id !== 'custom') return builtInProvider(resolver.id)?.name ?? resolver.id;
  const check = checkCustomUrl(resolver.customUrl ?? '');
  return check.ok ? check.provider.name : 'a custom resolver';
}

/** Said when the browser's permission prompt was declined: the previous resolver stays. */
export function permissionRefusedMessage(host: string, previous: ResolverSetting): string {
  return `MXray cannot reach ${host} without your permission, so it keeps using ${resolverName(previous)}. Press Test to be asked again.`;
}

/** Said when the browser would not even show the prompt (it only does so right after a click or a key press). */
export function permissionUnavailableMessage(host: string): string {
  return `MXray needs your permission to reach ${host}. Press Test to be asked for it.`;
}

/** Said on load when a saved custom resolver lost its permission (removed in the browser's settings). */
export function permissionMissingMessage(host: string): string {
  return `MXray no longer has permission to reach ${host}, so lookups through it will fail. Press Test to grant it again.`;
}

export type TestOutcome = { ok: true; ms: number; resolver: string } | { ok: false; message: string };

export function describeTestOutcome(outcome: TestOutcome): string {
  return outcome.ok ? `${outcome.resolver} answered in ${Math.round(outcome.ms)} ms.` : outcome.message;
}
