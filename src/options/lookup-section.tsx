/**
 * How much a lookup asks: fallback to the other resolvers, reverse DNS with its forward check,
 * the mail diagnostics, the blocklists (opt-in), and the user's own DKIM selectors.
 */
import type { Settings } from '../shared/settings';
import { CheckboxField } from './checkbox-field';
import { DkimSelectorsField } from './dkim-selectors-field';

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
      <CheckboxField
        id="diagnostics"
        label="Mail setup checks"
        description="SPF (with its include tree and lookup count), DMARC, DKIM on common selectors, MTA-STS, TLS reporting, BIMI and DNSSEC, beside the mail servers. About 40 more questions to your resolver, all at once; the mail servers still show first."
        checked={settings.diagnostics}
        onToggle={(diagnostics) => save({ ...settings, diagnostics })}
      />
      <CheckboxField
        id="blocklists"
        label="Check DNS blocklists"
        description="Ask Spamhaus, SpamCop, Barracuda and other blocklists whether each mail server address is listed. This sends the addresses to the list operators, through your resolver. Some lists refuse queries from public resolvers; MXray says so instead of guessing."
        checked={settings.blocklists}
        onToggle={(blocklists) => save({ ...settings, blocklists })}
      />
      <CheckboxField
        id="asn"
        label="Networks of the mail servers"
        description="Look up the network (AS number and name, announced prefix, country) of each mail server address, to tell whether the backups share a failure with the primary. Asks Team Cymru's IP-to-ASN service (origin.asn.cymru.com) through your resolver, after the addresses are in; the mail servers still show first."
        checked={settings.asn}
        onToggle={(asn) => save({ ...settings, asn })}
      />
      <DkimSelectorsField selectors={settings.dkimSelectors} onChange={(dkimSelectors) => save({ ...settings, dkimSelectors })} />
    </section>
  );
}
