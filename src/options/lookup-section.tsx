/** How much a lookup asks: fallback to the other resolvers, reverse DNS with its forward check. */
import type { Settings } from '../shared/settings';
import { CheckboxField } from './checkbox-field';

export function LookupSection({ settings, save }: { settings: Settings; save: (next: Settings) => void }) {
  return (
    <section class="card" aria-labelledby="lookups-heading">
      <h2 id="lookups-heading">Lookups</h2>
      <CheckboxField
        id="fallback"
        label="Fall back to other resolvers"
        description="When the chosen resolver does not answer, ask Cloudflare, Google, Quad9 or AdGuard instead. That resolver then sees the name too."
        checked={settings.fallback}
        onToggle={(fallback) => save({ ...settings, fallback })}
      />
      <CheckboxField
        id="ptr"
        label="Reverse DNS (PTR) and forward check"
        description="Look up the name behind each mail server address and check that it points back (FCrDNS). A few more questions per lookup."
        checked={settings.ptr}
        onToggle={(ptr) => save({ ...settings, ptr })}
      />
    </section>
  );
}
