/**
 * "Compare resolvers": the domain's MX question asked of every resolver the user can pick (the
 * built-in four, and their custom one when set), each on its own, at once. See
 * src/core/compare.
 */
import { BUILT_IN_PROVIDERS, type DohProvider } from '../../core/doh/providers';
import { compareResolvers as compare, type ComparedType, type ResolverComparison } from '../../core/compare/compare-resolvers';
import { tryParseQuery } from '../../core/query';
import { extensionApi } from '../../platform/extension-api';
import { chosenProvider } from '../../shared/resolver-chain';
import { loadSettings } from '../settings-store';

export async function compareResolvers(request: { input: string; type?: ComparedType }): Promise<ResolverComparison> {
  const parsed = tryParseQuery(request.input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  if (parsed.query.kind === 'ip') throw new Error('Compare resolvers works on a domain or an email address, not an IP address.');
  const settings = await loadSettings();
  const providers: DohProvider[] = [...BUILT_IN_PROVIDERS];
  if (settings.resolver.id === 'custom') {
    const custom = chosenProvider(settings.resolver);
    // Only a resolver the user already allowed: this never asks for a permission.
    if (await extensionApi.permissions.contains({ origins: [`${new URL(custom.url).origin}/*`] })) providers.unshift(custom);
  }
  return compare(parsed.query.name, providers, { type: request.type ?? 'MX', timeoutMs: settings.timeoutMs });
}
