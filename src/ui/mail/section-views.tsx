/**
 * How each mail section is shown, by section id: its DOM id, its stylesheet, when it is still
 * checking, its gist for the summary line, its body, and what to show when it is off.
 * mail-sections.tsx shows them in the order of MAIL_SECTIONS and collects their stylesheets from
 * here; adding a section is one entry here (the type makes a missing one, or a missing
 * stylesheet, a compile error). Each view module exports its own (`export { default as xCss }
 * from './x-section.css'`), so the styles travel with the view.
 */
import { mxHostNames } from '../../core/mail/mx-hosts';
import type { ComponentChildren } from 'preact';
import { daneGist } from '../../core/mail/dane/dane-wording';
import type { MailDiagnostics, MailSectionData } from '../../core/mail/mail-types';
import type { MailSectionId } from '../../core/mail/section-ids';
import type { Report } from '../../core/report';
import type { MailActions } from '../actions';
import { BimiSectionBody, bimiCss } from './bimi-section';
import { BlocklistsSectionBody, blocklistsCss } from './blocklists-section';
import { daneCss, DaneSectionBody } from './dane-section';
import { DkimSectionBody, dkimCss } from './dkim-section';
import { DkimSelectorForm } from './dkim-selector-form';
import { DmarcSectionBody, dmarcCss } from './dmarc-section';
import { DnssecSectionBody, dnssecCss } from './dnssec-section';
import { MtaStsSectionBody, mtaStsCss } from './mta-sts-section';
import { ProviderSectionBody, providerCss } from './provider-section';
import { SpfCheckForm } from './spf-check-form';
import { SpfSectionBody, spfCss } from './spf-section';
import { TlsRptSectionBody, tlsRptCss } from './tls-rpt-section';

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
  /** The section's stylesheet (its view module's `.css`, loaded as text), put in the frame's <style>. */
  css: string;
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
    css: providerCss,
    pending: (_data, report) => report.mxStatus === 'pending',
    gist: (matches) => {
      const names = matches.flatMap((match) => (match.provider ? [match.provider.name] : []));
      return names.length > 0 ? names.join(' + ') : undefined;
    },
    Body: ({ data }) => <ProviderSectionBody matches={data} />,
  },
  spf: {
    domId: 'spf',
    css: spfCss,
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
    css: dmarcCss,
    pending: byStatus,
    gist: (dmarc) => (dmarc.policy?.effective ? `${dmarc.policy.tag}=${dmarc.policy.effective}` : undefined),
    Body: ({ data }) => <DmarcSectionBody section={data} />,
  },
  dkim: {
    domId: 'dkim',
    css: dkimCss,
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
    css: mtaStsCss,
    pending: byStatus,
    Body: ({ data, report, actions, rerun }) => {
      const domain = report.query.name;
      return (
        <>
          <MtaStsSectionBody section={data} mxHosts={mxHostNames(report)} />
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
  dane: { domId: 'dane', css: daneCss, pending: byStatus, gist: daneGist, Body: ({ data }) => <DaneSectionBody section={data} /> },
  tlsRpt: { domId: 'tls-rpt', css: tlsRptCss, pending: byStatus, Body: ({ data }) => <TlsRptSectionBody section={data} /> },
  bimi: { domId: 'bimi', css: bimiCss, pending: byStatus, Body: ({ data }) => <BimiSectionBody section={data} /> },
  dnssec: { domId: 'dnssec', css: dnssecCss, pending: byStatus, Body: ({ data }) => <DnssecSectionBody section={data} /> },
  blocklists: {
    domId: 'blocklists',
    css: blocklistsCss,
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
