/**
 * `lookupOptionsFrom(settings, context)`: the one place where what a person chose (the
 * extension's settings, or the CLI's flags mapped to the same shape) becomes the engine's
 * `LookupOptions`. Every shell calls it; what differs between them is one row of `POLICIES`,
 * each cell with its reason, so two shells never disagree by accident.
 */
import type { LookupOptions } from '../core/lookup/lookup-options';
import type { PolicyFetcher } from '../core/mail/mta-sts/types';
import type { Settings } from './settings';

/**
 * The choices that shape a lookup. The extension passes its `Settings`; the CLI maps its flags:
 * `diagnostics` is `--all` (or the bulk page's "with mail setup" switch), `fcrdns` is
 * `--no-fcrdns` (the extension has no switch of its own: it follows `ptr`).
 */
export type LookupChoices = Pick<Settings, 'ptr' | 'asn' | 'diagnostics' | 'blocklists' | 'dkimSelectors'> & { fcrdns?: boolean };

/**
 * Where a lookup is made. `report`: one report a person reads (the lookup port, which serves
 * the popup, the result page and the in-page panel alike); `bulk`: the bulk page; `watch`: a
 * watched name's check, run by an alarm with nobody looking; `cli`: `mxray NAME`; `cli-bulk`:
 * `mxray --bulk`; `cli-history`: `mxray --save / --since`.
 */
export type LookupContext = 'report' | 'bulk' | 'watch' | 'cli' | 'cli-bulk' | 'cli-history';

/** How one context treats each choice: follow the person's choice, or a fixed answer. */
interface ContextPolicy {
  /** PTR and its forward confirmation (FCrDNS). */
  reverse: 'choice' | 'off';
  /** The network (AS) of every address: about two questions per address, to Team Cymru's zone. */
  asn: 'choice' | 'off';
  /** The mail records (SPF, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI): when chosen, or always. */
  mailRecords: 'choice' | 'always';
  /** The name's TXT and `_dmarc` TXT beside the MX question: always, or only with the mail records. */
  txt: 'always' | 'with-mail-records';
  /** The DNS blocklists: they tell the list operators which addresses are checked. */
  blocklists: 'choice' | 'off';
  /** The MTA-STS policy file, an HTTPS request to the domain's own web server. */
  policyFile: 'when-chosen' | 'off';
  /** The name's own A and AAAA (only an implicit MX needs them): beside the MX question, or only after it says NODATA. */
  nameAddresses: 'with-mx' | 'after-nodata';
}

/** A report a person reads, in the extension or the terminal: everything they chose, nothing else. */
const REPORT: ContextPolicy = {
  reverse: 'choice',
  asn: 'choice',
  mailRecords: 'choice',
  txt: 'always',
  blocklists: 'choice',
  policyFile: 'when-chosen',
  nameAddresses: 'with-mx',
};

/**
 * A bulk run answers "does mail for each of these domains go somewhere?" in a table of
 * verdicts. The verdict needs MX and addresses only, so no PTR, FCrDNS or networks (the table
 * has no column for them; over hundreds of domains they would more than double the requests),
 * and no TXT unless the mail setup is asked: the two TXT questions were 2 of 5 requests a domain.
 * The name's own A and AAAA only once its MX answer is NODATA: they were 2 of the 3 requests
 * left, for the few domains of a list with no MX (docs/performance.md, the bulk page).
 */
const BULK: ContextPolicy = {
  reverse: 'off',
  asn: 'off',
  mailRecords: 'choice',
  txt: 'with-mail-records',
  blocklists: 'choice',
  policyFile: 'when-chosen',
  nameAddresses: 'after-nodata',
};

const POLICIES: Readonly<Record<LookupContext, ContextPolicy>> = {
  report: REPORT,
  cli: REPORT,
  // `--blocklists` on a bulk command line is asked for that very run, so it is honoured.
  'cli-bulk': BULK,
  // The extension's blocklist switch is a standing choice for reports read one at a time. A bulk
  // run would send the addresses of hundreds of domains' servers to the list operators, which is
  // not what turning it on agreed to, and the bulk page has no switch of its own.
  bulk: { ...BULK, blocklists: 'off' },
  // An unattended check keeps facts (src/core/history/facts-of.ts) to compare with the last ones,
  // the same facts a report of the popup keeps, so it asks what they hold, as the person chose:
  // PTR (the facts hold the reverse names) and the mail records (they hold SPF, DMARC, MTA-STS,
  // TLS-RPT, BIMI). Not the networks: no fact holds them (nor a finding the facts keep: the
  // resilience findings live apart), so they would be questions to Team Cymru's servers on every
  // alarm for nothing kept. Not the blocklists: nobody is there to see what they tell the list
  // operators. Not the policy file: the facts keep the record, not the file.
  watch: { reverse: 'choice', asn: 'off', mailRecords: 'choice', txt: 'always', blocklists: 'off', policyFile: 'off', nameAddresses: 'with-mx' },
  // `--save` / `--since` compare facts, so the mail records are always asked: a file saved
  // without `--all` and checked with it must not show every record as new. The policy file only
  // when `--all` asked for it (facts keep the record); no networks, as for a watch.
  'cli-history': {
    reverse: 'choice',
    asn: 'off',
    mailRecords: 'always',
    txt: 'always',
    blocklists: 'choice',
    policyFile: 'when-chosen',
    nameAddresses: 'with-mx',
  },
};

/**
 * The engine's options for a lookup made in `context`. `fetchPolicy` is the shell's way to
 * fetch an MTA-STS policy file (the worker's asks for the origin permission first); it is used
 * only where the context and the choices say so. The caller adds `signal` and `onUpdate`.
 */
export function lookupOptionsFrom(choices: LookupChoices, context: LookupContext, fetchPolicy?: PolicyFetcher): LookupOptions {
  const policy = POLICIES[context];
  const reverse = policy.reverse === 'choice' && choices.ptr;
  const mailRecords = policy.mailRecords === 'always' || choices.diagnostics;
  const options: LookupOptions = {
    ptr: reverse,
    // FCrDNS confirms the PTR names, so it needs them; the extension has no switch of its own for it.
    fcrdns: reverse && (choices.fcrdns ?? true),
    asn: policy.asn === 'choice' && choices.asn,
    txt: policy.txt === 'always' || mailRecords,
  };
  if (policy.nameAddresses === 'after-nodata') options.nameAddresses = 'after-nodata';
  if (mailRecords) {
    options.diagnostics = {
      blocklists: policy.blocklists === 'choice' && choices.blocklists,
      dkimSelectors: choices.dkimSelectors,
      ...(policy.policyFile === 'when-chosen' && choices.diagnostics && fetchPolicy ? { fetchPolicy } : {}),
    };
  }
  return options;
}
