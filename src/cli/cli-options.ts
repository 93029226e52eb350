/**
 * Command-line options of `mxray`, parsed with node's own `util.parseArgs` (no dependency).
 * Returns either options or a usage error; never exits by itself, so it is testable.
 */
import { parseArgs } from 'node:util';
import type { DohFormat } from '../core/doh/providers';
import { normaliseSelector } from '../shared/settings';
import { BULK_ARGS, BULK_USAGE, readBulkOptions, type BulkCliOptions } from './bulk/bulk-options';

export interface CliOptions {
  queries: string[];
  /** The resolver to use; with `--compare`, every `--resolver` given is compared. */
  resolver: string;
  resolvers: string[];
  /** The mail diagnostics (SPF tree, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI, DNSSEC, provider). */
  all: boolean;
  /** DNS blocklists for each mail server address (opt-in: tells the list operators). */
  blocklists: boolean;
  dkimSelectors: string[];
  /** Ask every resolver the MX question and show the answers side by side. */
  compare: boolean;
  format?: DohFormat;
  json: boolean;
  ptr: boolean;
  fcrdns: boolean;
  /** The network (AS, prefix, country) of each mail server address, over DNS (Team Cymru). */
  asn: boolean;
  fallback: boolean;
  timeoutMs: number;
  color: boolean;
  help: boolean;
  version: boolean;
  /** `--spf-ip IP`: check whether this server passes SPF for the one positional, the sender (issue #15). */
  spfIp?: string;
  helo?: string;
  /** `--save FILE`: write the names' facts there (src/cli/history). */
  save?: string;
  /** `--since FILE`: look the names up again and say what changed since the facts there. */
  since?: string;
  /** `--bulk FILE` and its options (`src/cli/bulk`). */
  bulk?: BulkCliOptions;
  /** `--message FILE|-`: explain a message, a header block or a bounce (src/cli/message). */
  message?: string;
}

export const USAGE = `Usage: mxray [options] <domain | email | URL | IP> ...

Where does mail for a domain go? Asks a DNS-over-HTTPS resolver for MX, addresses,
reverse names (PTR, forward-confirmed) and SPF/DMARC, and explains what it finds.

Examples:
  mxray gmail.com
  mxray user@example.com
  mxray 192.0.2.25                 reverse name of an address, forward-confirmed
  mxray --resolver google --json example.org

Options:
  --resolver <id|URL>   cloudflare (default), google, quad9, adguard, or a DoH URL
  --format <wire|json>  DoH format for a custom URL (default: wire; json for .../resolve)
  --all                 also check the mail setup: provider, SPF include tree and lookup
                        count, DMARC, DKIM (common selectors), MTA-STS (fetches the policy
                        from https://mta-sts.<domain>/), TLS-RPT, BIMI, DNSSEC
  --blocklists          also ask DNS blocklists (Spamhaus, SpamCop, ...) about each mail
                        server address; this sends the addresses to the list operators
  --dkim-selector <s>   also probe this DKIM selector (repeatable; implies --all)
  --compare             ask every resolver (the built-in ones, or each --resolver given)
                        the MX question and show the answers side by side
  --json                print the full report as JSON
  --no-ptr              skip reverse (PTR) lookups and the forward check
  --no-fcrdns           look up PTR names but do not forward-confirm them
  --no-asn              do not look up each address's network (AS, prefix, country)
                        at origin.asn.cymru.com through the resolver
  --no-fallback         ask only the chosen resolver, never the others
  --timeout <ms>        time limit per request (default 5000)
  --no-color            plain output (also when NO_COLOR is set or output is not a terminal)
  --spf-ip <IP> [--helo <name>] -- <sender>
                        would this server pass SPF? RFC 7208 check_host() for the MAIL FROM
                        address or domain <sender> ("" for a bounce: the HELO name is checked);
                        exit 0 pass, 1 any other result, 2 bad input
  --save <file>         write the names' facts (MX, addresses, PTR, SPF, DMARC, MTA-STS,
                        TLS-RPT, BIMI, findings) to <file> as JSON
  --since <file>        look the names up again (all names in <file> when none is given)
                        and print what changed; exit 3 when something did, 0 when not
  --message <file|->    explain a message (.eml), its header or a bounce: the route, DKIM
                        verified (RSA and Ed25519), SPF for the connecting address, DMARC,
                        ARC, the bounce's status in words; - reads stdin. The message stays
                        here; only DNS questions go out. Exit 0 authenticated, 1 not
                        authenticated or a bounce, 2 bad input
  -h, --help            this text
  -v, --version         the version

${BULK_USAGE.slice(1)}

Exit status: 0 answered, 1 answered with error findings, 2 bad input or no resolver reachable;
with --since: 3 something changed, 0 nothing did.
TLS: a resolver with a private CA is trusted through NODE_EXTRA_CA_CERTS=<ca.pem>.`;

export function parseCliOptions(argv: string[], env: Record<string, string | undefined>, isTty: boolean): CliOptions | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        resolver: { type: 'string', multiple: true, default: ['cloudflare'] },
        all: { type: 'boolean', default: false },
        blocklists: { type: 'boolean', default: false },
        'dkim-selector': { type: 'string', multiple: true, default: [] },
        compare: { type: 'boolean', default: false },
        format: { type: 'string' },
        json: { type: 'boolean', default: false },
        ptr: { type: 'boolean', default: true },
        fcrdns: { type: 'boolean', default: true },
        asn: { type: 'boolean', default: true },
        fallback: { type: 'boolean', default: true },
        timeout: { type: 'string', default: '5000' },
        color: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        'spf-ip': { type: 'string' },
        helo: { type: 'string' },
        save: { type: 'string' },
        since: { type: 'string' },
        message: { type: 'string' },
        ...BULK_ARGS,
      },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
    return { error: `--timeout takes milliseconds between 100 and 120000 (got "${values.timeout}")` };
  }
  if (values.format !== undefined && values.format !== 'wire' && values.format !== 'json') {
    return { error: `--format is "wire" or "json" (got "${values.format}")` };
  }
  const bulk = readBulkOptions(values);
  if (bulk && 'error' in bulk) return bulk;
  if (values.save === '' || values.since === '') return { error: '--save and --since take a file name' };
  const spfError = spfCheckError(values['spf-ip'], values.helo, positionals);
  if (spfError) return { error: spfError };
  const messageError = messageModeError(values.message, positionals, { spfIp: values['spf-ip'], bulk: !!bulk, save: values.save, since: values.since });
  if (messageError) return { error: messageError };
  if (!values.help && !values.version && positionals.length === 0 && values.since === undefined && !bulk && values.message === undefined) {
    return { error: 'Name a domain, an email address, a URL or an IP address to look up.' };
  }
  const dkimSelectors: string[] = [];
  for (const text of values['dkim-selector']) {
    const selector = normaliseSelector(text);
    if (!selector) return { error: `--dkim-selector "${text}" is not a DKIM selector (letters, digits, hyphens, dots)` };
    dkimSelectors.push(selector);
  }
  const options: CliOptions = {
    queries: positionals,
    resolver: values.resolver[0]!,
    resolvers: values.resolver,
    all: values.all || values.blocklists || dkimSelectors.length > 0,
    blocklists: values.blocklists,
    dkimSelectors,
    compare: values.compare,
    json: values.json,
    ptr: values.ptr,
    fcrdns: values.fcrdns,
    asn: values.asn,
    fallback: values.fallback,
    timeoutMs,
    color: values.color && isTty && !env.NO_COLOR,
    help: values.help,
    version: values.version,
  };
  if (values.format) options.format = values.format;
  if (values['spf-ip'] !== undefined) options.spfIp = values['spf-ip'];
  if (values.helo !== undefined) options.helo = values.helo;
  if (values.save !== undefined) options.save = values.save;
  if (values.since !== undefined) options.since = values.since;
  if (bulk) options.bulk = bulk;
  if (values.message !== undefined) options.message = values.message;
  return options;
}

/** `--message` reads one message; it names no domains and goes with no other mode. */
function messageModeError(
  message: string | undefined,
  positionals: string[],
  others: { spfIp: string | undefined; bulk: boolean; save: string | undefined; since: string | undefined },
): string | undefined {
  if (message === undefined) return undefined;
  if (message === '') return '--message takes a file name, or - for stdin';
  if (positionals.length > 0) return `--message explains one message and takes no names (got "${positionals[0]}"): mxray --message FILE`;
  if (others.spfIp !== undefined || others.bulk || others.save !== undefined || others.since !== undefined)
    return '--message goes with --resolver, --timeout, --json and --no-color only';
  return undefined;
}

/** `--spf-ip` takes exactly one sender (which may be ""); `--helo` only goes with it. */
function spfCheckError(spfIp: string | undefined, helo: string | undefined, positionals: string[]): string | undefined {
  if (spfIp === undefined) return helo === undefined ? undefined : '--helo goes with --spf-ip: mxray --spf-ip IP --helo NAME -- SENDER';
  if (positionals.length === 0)
    return '--spf-ip needs the sender: mxray --spf-ip IP [--helo NAME] -- SENDER (the MAIL FROM address or domain; "" for a bounce)';
  if (positionals.length > 1) return `--spf-ip checks one sender, not ${positionals.length}: mxray --spf-ip IP [--helo NAME] -- SENDER`;
  return undefined;
}
