/**
 * MXray's settings (`storage.local`, key `settings`): one typed object with defaults and a
 * version, migrated on read field by field, so an older stored shape never breaks a newer build.
 *
 * Versions: 1 = release 0.1.0's and today's (the fields below; `asn` and `history` were read
 * with their defaults when missing). No step yet: a field added later gets its default when
 * absent, so only a field whose meaning changes needs a version step.
 *
 * A record from a newer MXray (version above `SETTINGS_VERSION`) is read field by field too (what
 * this build knows); writing it back keeps the fields this build does not know and the newer
 * version (`settingsToStore`), so the newer MXray finds its own settings again after a downgrade.
 * In src/core so the backup (src/core/storage/backup*.ts) can read settings; src/shared/settings.ts
 * re-exports it for the shells.
 */
import { BUILT_IN_PROVIDERS, type BuiltInProviderId, type DohFormat } from '../doh/providers';
import { MAX_EXTRA_SELECTORS, normaliseSelector } from '../mail/dkim/selectors';
import { isObject } from '../versioned';

export const SETTINGS_VERSION = 1;
export const CURRENT_VERSION = SETTINGS_VERSION;

export type Theme = 'system' | 'light' | 'dark';

export interface ResolverSetting {
  /** A built-in resolver, or `custom` for `customUrl`. */
  id: BuiltInProviderId | 'custom';
  customUrl?: string;
  customFormat?: DohFormat;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  resolver: ResolverSetting;
  /** Ask the other built-in resolvers when the chosen one fails. */
  fallback: boolean;
  /** Reverse (PTR) lookups of every address, and the forward confirmation (FCrDNS) of each PTR name. */
  ptr: boolean;
  theme: Theme;
  /** Keep the last lookups (on this device only) to offer them in the quick box. */
  rememberRecent: boolean;
  /** Per-request time limit, ms. */
  timeoutMs: number;
  /**
   * The mail diagnostics beside the MX list (SPF tree, DMARC, DKIM selectors, MTA-STS, TLS-RPT,
   * BIMI): about 40 more questions to the same resolver, asked all at once as soon as the MX answer is in.
   */
  diagnostics: boolean;
  /**
   * Ask DNS blocklists about each mail server address. Off until the user turns it on: it sends
   * those addresses to the list operators (through the resolver).
   */
  blocklists: boolean;
  /** DKIM selectors the user added, probed beside the common ones. */
  dkimSelectors: string[];
  /**
   * The network (AS, prefix, country) of each mail server address, asked at Team Cymru's
   * origin.asn.cymru.com through the same resolver, after the addresses (issue #17).
   */
  asn: boolean;
  /** Keep each finished lookup's facts on this device, to say what changed since last time. */
  history: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  resolver: { id: 'cloudflare' },
  fallback: true,
  ptr: true,
  theme: 'system',
  rememberRecent: true,
  timeoutMs: 4_000,
  diagnostics: true,
  blocklists: false,
  dkimSelectors: [],
  asn: true,
  history: true,
};

/** At most this many user selectors: each is one more question per lookup. */
export const MAX_DKIM_SELECTORS = MAX_EXTRA_SELECTORS;
export { normaliseSelector };

/** Anything read from storage -> valid Settings (unknown or broken fields fall back to defaults). */
export function migrateSettings(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null) return structuredClone(DEFAULT_SETTINGS);
  const raw = stored as Partial<Record<keyof Settings, unknown>>;
  const settings = structuredClone(DEFAULT_SETTINGS);
  const resolver = raw.resolver as Partial<ResolverSetting> | undefined;
  if (resolver && (resolver.id === 'custom' || BUILT_IN_PROVIDERS.some((p) => p.id === resolver.id))) {
    settings.resolver = { id: resolver.id as ResolverSetting['id'] };
    if (typeof resolver.customUrl === 'string') settings.resolver.customUrl = resolver.customUrl;
    if (resolver.customFormat === 'wire' || resolver.customFormat === 'json') settings.resolver.customFormat = resolver.customFormat;
    if (settings.resolver.id === 'custom' && !settings.resolver.customUrl) settings.resolver = { id: 'cloudflare' };
  }
  if (typeof raw.fallback === 'boolean') settings.fallback = raw.fallback;
  if (typeof raw.ptr === 'boolean') settings.ptr = raw.ptr;
  if (raw.theme === 'light' || raw.theme === 'dark' || raw.theme === 'system') settings.theme = raw.theme;
  if (typeof raw.rememberRecent === 'boolean') settings.rememberRecent = raw.rememberRecent;
  if (typeof raw.timeoutMs === 'number' && raw.timeoutMs >= 500 && raw.timeoutMs <= 30_000) settings.timeoutMs = raw.timeoutMs;
  if (typeof raw.diagnostics === 'boolean') settings.diagnostics = raw.diagnostics;
  if (typeof raw.blocklists === 'boolean') settings.blocklists = raw.blocklists;
  if (typeof raw.asn === 'boolean') settings.asn = raw.asn;
  if (typeof raw.history === 'boolean') settings.history = raw.history;
  if (Array.isArray(raw.dkimSelectors)) {
    const selectors = raw.dkimSelectors.flatMap((item) => (typeof item === 'string' ? (normaliseSelector(item) ?? []) : []));
    settings.dkimSelectors = [...new Set(selectors)].slice(0, MAX_DKIM_SELECTORS);
  }
  return settings;
}

/** The stored settings' version when it is a newer MXray's, else undefined. */
export function newerSettingsVersion(stored: unknown): number | undefined {
  if (!isObject(stored) || !Number.isInteger(stored.version)) return undefined;
  return (stored.version as number) > SETTINGS_VERSION ? (stored.version as number) : undefined;
}

/**
 * What to write for `settings`, given what is stored: the settings themselves, or, over a newer
 * MXray's record, its fields and version with this build's known fields on top.
 */
export function settingsToStore(settings: Settings, stored: unknown): Record<string, unknown> {
  const clean = migrateSettings(settings);
  if (newerSettingsVersion(stored) === undefined) return { ...clean };
  return { ...(stored as Record<string, unknown>), ...clean, version: (stored as { version: number }).version };
}
