/** The provider section for `mxray --all`: each provider with its MX hosts, the hosts no provider claims on a line of their own. */
import { PROVIDER_KIND_TEXT } from '../../core/mail/provider/kind-text';
import type { ProviderMatch } from '../../core/mail/provider/types';
import { terminalSafe } from '../terminal-safe';

export function formatProvider(matches: readonly ProviderMatch[]): string[] {
  return matches.map((match) => {
    const hosts = match.hosts.map(terminalSafe).join(', ');
    return match.provider ? `${match.provider.name} (${PROVIDER_KIND_TEXT[match.provider.kind] ?? match.provider.kind}): ${hosts}` : `not recognised: ${hosts}`;
  });
}
