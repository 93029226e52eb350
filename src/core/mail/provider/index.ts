/** Mail provider from the MX host names: the `src/core/mail/provider` public API. */
export { identifyProviders, normaliseMxHost, providerOfHost } from './identify-providers';
export { PROVIDER_KIND_TEXT } from './kind-text';
export { hostsText, providerFindings } from './provider-findings';
export { PROVIDERS, type ProviderEntry } from './provider-table';
export type { ProviderInfo, ProviderKind, ProviderMatch } from './types';
export { providerSection } from './provider-section';
