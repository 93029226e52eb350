/** The DNS blocklists section: off unless the user turned it on; waits for the mail hosts' addresses. */
import type { MailSection } from '../mail-section';
import { blocklistFindings } from './blocklist-findings';
import { newBlocklistSection, probeBlocklists } from './probe-blocklists';

export const blocklistsSection: MailSection<'blocklists'> = {
  id: 'blocklists',
  create: (options) => (options.blocklists ? newBlocklistSection() : undefined),
  probe: (section, run) => run.addresses.then((addresses) => probeBlocklists(section, run.context, addresses)),
  findings: (section) => blocklistFindings(section),
};
