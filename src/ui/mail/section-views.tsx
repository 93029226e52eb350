/**
 * How each mail section is shown, by section id: its DOM id, when it is still checking, its gist
 * for the summary line, its body, and what to show when it is off. mail-sections.tsx shows them
 * in the order of MAIL_SECTIONS; adding a section is one entry here (the type makes a missing one
 * a compile error).
 */
import type { ComponentChildren } from 'preact';
import type { MailDiagnostics, MailSectionData } from '../../core/mail/mail-types';
import type { MailSectionId } from '../../core/mail/section-ids';
import type { Report } from '../../core/report';
import type { MailActions } from '../actions';
import { BimiSectionBody } from './bimi-section';
import { BlocklistsSectionBody } from './blocklists-section';
import { DkimSectionBody } from './dkim-section';
import { DkimSelectorForm } from './dkim-selector-form';
import { DmarcSectionBody } from './dmarc-section';
import { DnssecSectionBody } from './dnssec-section';
import { MtaStsSectionBody } from './mta-sts-section';
import { ProviderSectionBody } from './provider-section';
import { SpfCheckForm } from './spf-check-form';
import { SpfSectionBody } from './spf-section';
import { TlsRptSectionBody } from './tls-rpt-section';

export interface SectionViewProps<K extends MailSectionId> {
  data: MailSectionData[K];
  report: Report;
  mail: MailDiagnostics;
  actions: MailActions | undefined;
  /** Runs the lookup again once a button changed what it asks. */
  rerun: () => void;
}

export interface SectionView<K extends MailSectionId> {
  /** The element's `data-section` (tests and styles use it). */
  domId: string;
  pending: (data: MailSectionData[K], report: Report) => boolean;
  /** A few words for the summary line: `Google Workspace`, `p=reject`. */
  gist?: (data: MailSectionData[K]) => string | undefined;
  Body: (props: SectionViewProps<K>) => ComponentChildren;
  /** Shown instead when the section is off (its data is absent); nothing when left out. */
  Off?: (props: { actions: MailActions; rerun: () => void }) => ComponentChildren;
}

const byStatus = (data: { status: string }) => data.status === 'pending';

export const SECTION_VIEWS: { [K in MailSectionId]: SectionView<K> } = {
  provider: {
    domId: 'provider',
    pending: (_data, report) => report.mxStatus === 'pending',
    gist: (matches) => {
      const names = matches.flatMap((match) => (match.provider ? [match.provider.name] : []));
      return names.length > 0 ? names.join(' + ') : undefined;
    },
    Body: ({ data }) => <ProviderSectionBody matches={data} />,
  },
  spf: {
    domId: 'spf',
    pending: byStatus,
    gist: (spf) => (spf.status === 'done' && spf.root.records.length > 0 ? `${spf.lookups} of 10 lookups` : undefined),
    Body: ({ data, report, actions }) => (
      <>
        <SpfSectionBody section={data} />
        {actions?.checkSpf && <SpfCheckForm domain={report.query.name} email={report.query.email} check={actions.checkSpf} />}
      </>
    ),
  },
  dmarc: {
    domId: 'dmarc',
    pending: byStatus,
    gist: (dmarc) => (dmarc.policy?.effective ? `${dmarc.policy.tag}=${dmarc.policy.effective}` : undefined),
    Body: ({ data }) => <DmarcSectionBody section={data} />,
  },
  dkim: {
    domId: 'dkim',
    pending: byStatus,
    Body: ({ data, actions, rerun }) => (
      <>
        <DkimSectionBody section={data} />
        {actions && <DkimSelectorForm actions={actions} rerun={rerun} />}
      </>
    ),
  },
  mtaSts: {
    domId: 'mta-sts',
    pending: byStatus,
    Body: ({ data, report, actions, rerun }) => {
      const domain = report.query.name;
      return (
        <>
          <MtaStsSectionBody section={data} />
          {data.policy?.state === 'permission-needed' &&
            (actions?.allowPolicyFetch ? (
              <button type="button" class="button" onClick={() => void actions.allowPolicyFetch!(domain).then((granted) => granted && rerun())}>
                Fetch the policy from mta-sts.{domain}
              </button>
            ) : (
              <p class="muted">To check the policy file, open this lookup in the MXray popup or tab and fetch it there.</p>
            ))}
        </>
      );
    },
  },
  tlsRpt: { domId: 'tls-rpt', pending: byStatus, Body: ({ data }) => <TlsRptSectionBody section={data} /> },
  bimi: { domId: 'bimi', pending: byStatus, Body: ({ data }) => <BimiSectionBody section={data} /> },
  dnssec: { domId: 'dnssec', pending: byStatus, Body: ({ data }) => <DnssecSectionBody section={data} /> },
  blocklists: {
    domId: 'blocklists',
    pending: byStatus,
    Body: ({ data }) => <BlocklistsSectionBody section={data} />,
    Off: ({ actions, rerun }) => (
      <>
        <p class="muted">
          Off. Checking sends each mail server's address to the blocklist operators (Spamhaus, SpamCop, Barracuda and others) through your resolver.
        </p>
        <button type="button" class="button" onClick={() => void actions.enableBlocklists().then(rerun)}>
          Check blocklists
        </button>
      </>
    ),
  },
};
