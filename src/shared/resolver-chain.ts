/** Which resolvers to ask, in order, for the current settings (the worker, and a page asking its first questions). */
import { builtInProvider, customProvider, DEFAULT_PROVIDER_ID, providerChain, type DohProvider } from '../core/doh/providers';
import type { ResolverSetting, Settings } from './settings';

export function chosenProvider(resolver: ResolverSetting): DohProvider {
  if (resolver.id === 'custom' && resolver.customUrl) return customProvider(resolver.customUrl, resolver.customFormat);
  return builtInProvider(resolver.id) ?? builtInProvider(DEFAULT_PROVIDER_ID)!;
}

export function providersFor(settings: Settings): DohProvider[] {
  return providerChain(chosenProvider(settings.resolver), settings.fallback);
}
