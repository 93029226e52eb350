/**
 * The mail diagnostics under the MX list: who runs the mail, SPF, DMARC, DKIM, MTA-STS,
 * TLS-RPT, BIMI, DNSSEC, the blocklists and the resolver comparison, each a collapsible
 * section with its findings. Loaded after the first paint (see lazy-mail-sections.tsx): the MX
 * list must not wait for this code.
 */
import type { MailDiagnostics } from '../../core/mail/mail-diagnostics';
import { MAIL_SECTION_TITLES } from '../../core/mail/section-ids';
import type { Report } from '../../core/report';
import type { MailActions } from '../actions';
import bimiCss from './bimi-section.css';
import { BimiSectionBody } from './bimi-section';
import blocklistsCss from './blocklists-section.css';
import { BlocklistsSectionBody } from './blocklists-section';
import { CompareSection } from './compare-section';
import { DiagnosticSection } from './diagnostic-section';
import dkimCss from './dkim-section.css';
import { DkimSectionBody } from './dkim-section';
import { DkimSelectorForm } from './dkim-selector-form';
import dmarcCss from './dmarc-section.css';
import { DmarcSectionBody } from './dmarc-section';
import { DnssecSectionBody } from './dnssec-section';
import frameCss from './mail-frame.css';
import mtaStsCss from './mta-sts-section.css';
import { MtaStsSectionBody } from './mta-sts-section';
import providerCss from './provider-section.css';
import { ProviderSectionBody } from './provider-section';
import spfCss from './spf-section.css';
import { SpfSectionBody } from './spf-section';
import { SpfCheckForm } from './spf-check-form';
import tlsRptCss from './tls-rpt-section.css';
import { TlsRptSectionBody } from './tls-rpt-section';

export { MailRecords } from '../mail-records';

/**
 * The sections' styles travel with them (this module is loaded after the first paint) and go
 * into a <style> inside the section, which works in the popup's document and in the panel's
 * shadow root alike.
 */
const MAIL_CSS = [frameCss, providerCss, spfCss, dmarcCss, dkimCss, mtaStsCss, tlsRptCss, bimiCss, blocklistsCss].join('\n');

export interface MailSectionsProps {
  report: Report;
  actions?: MailActions | undefined;
  /** Runs the lookup again once a button changed what it asks; no-op when absent. */
  rerun?: (() => void) | undefined;
  headingLevel?: 2 | 3;
}

export function MailSections({ report, actions, rerun = () => undefined, headingLevel = 2 }: MailSectionsProps) {
  const mail: MailDiagnostics | undefined = report.mail;
  if (!mail) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const f = mail.findings;
  const domain = report.query.name;
  const policyPermission = mail.mtaSts.policy?.state === 'permission-needed';
  return (
    <section class="mail-diagnostics" aria-label="Mail setup">
      <style>{MAIL_CSS}</style>
      <Heading class="section-heading">Mail setup</Heading>
      <DiagnosticSection id="provider" title={MAIL_SECTION_TITLES.provider} findings={f.provider} pending={report.mxStatus === 'pending'} gist={providerGist(mail)}>
        <ProviderSectionBody matches={mail.provider} />
      </DiagnosticSection>
      <DiagnosticSection id="spf" title={MAIL_SECTION_TITLES.spf} findings={f.spf} pending={mail.spf.status === 'pending'} gist={mail.spf.status === 'done' && mail.spf.root.records.length > 0 ? `${mail.spf.lookups} of 10 lookups` : undefined}>
        <SpfSectionBody section={mail.spf} />
        {actions?.checkSpf && <SpfCheckForm domain={domain} email={report.query.email} check={actions.checkSpf} />}
      </DiagnosticSection>
      <DiagnosticSection id="dmarc" title={MAIL_SECTION_TITLES.dmarc} findings={f.dmarc} pending={mail.dmarc.status === 'pending'} gist={mail.dmarc.policy?.effective ? `${mail.dmarc.policy.tag}=${mail.dmarc.policy.effective}` : undefined}>
        <DmarcSectionBody section={mail.dmarc} />
      </DiagnosticSection>
      <DiagnosticSection id="dkim" title={MAIL_SECTION_TITLES.dkim} findings={f.dkim} pending={mail.dkim.status === 'pending'}>
        <DkimSectionBody section={mail.dkim} />
        {actions && <DkimSelectorForm actions={actions} rerun={rerun} />}
      </DiagnosticSection>
      <DiagnosticSection id="mta-sts" title={MAIL_SECTION_TITLES.mtaSts} findings={f.mtaSts} pending={mail.mtaSts.status === 'pending'}>
        <MtaStsSectionBody section={mail.mtaSts} />
        {policyPermission &&
          (actions?.allowPolicyFetch ? (
            <button type="button" class="button" onClick={() => void actions.allowPolicyFetch!(domain).then((granted) => granted && rerun())}>
              Fetch the policy from mta-sts.{domain}
            </button>
          ) : (
            <p class="muted">To check the policy file, open this lookup in the MXray popup or tab and fetch it there.</p>
          ))}
      </DiagnosticSection>
      <DiagnosticSection id="tls-rpt" title={MAIL_SECTION_TITLES.tlsRpt} findings={f.tlsRpt} pending={mail.tlsRpt.status === 'pending'}>
        <TlsRptSectionBody section={mail.tlsRpt} />
      </DiagnosticSection>
      <DiagnosticSection id="bimi" title={MAIL_SECTION_TITLES.bimi} findings={f.bimi} pending={mail.bimi.status === 'pending'}>
        <BimiSectionBody section={mail.bimi} />
      </DiagnosticSection>
      <DiagnosticSection id="dnssec" title={MAIL_SECTION_TITLES.dnssec} findings={f.dnssec} pending={mail.dnssec.status === 'pending'}>
        <DnssecSectionBody section={mail.dnssec} />
      </DiagnosticSection>
      {mail.blocklists ? (
        <DiagnosticSection id="blocklists" title={MAIL_SECTION_TITLES.blocklists} findings={f.blocklists} pending={mail.blocklists.status === 'pending'}>
          <BlocklistsSectionBody section={mail.blocklists} />
        </DiagnosticSection>
      ) : (
        actions && (
          <DiagnosticSection id="blocklists" title={MAIL_SECTION_TITLES.blocklists} findings={[]} pending={false} idle="off">
            <p class="muted">
              Off. Checking sends each mail server's address to the blocklist operators (Spamhaus, SpamCop, Barracuda and others) through your resolver.
            </p>
            <button type="button" class="button" onClick={() => void actions.enableBlocklists().then(rerun)}>
              Check blocklists
            </button>
          </DiagnosticSection>
        )
      )}
      {actions && (
        <DiagnosticSection id="compare" title="Compare resolvers" findings={[]} pending={false} idle="on request">
          <CompareSection input={domain} actions={actions} />
        </DiagnosticSection>
      )}
    </section>
  );
}

/** `Google Workspace`, or `Proofpoint + Microsoft 365` when the MX list mixes them. */
function providerGist(mail: MailDiagnostics): string | undefined {
  const names = mail.provider.flatMap((match) => (match.provider ? [match.provider.name] : []));
  return names.length > 0 ? names.join(' + ') : undefined;
}
