/**
 * The mail diagnostics under the MX list: who runs the mail, SPF, DMARC, DKIM, MTA-STS,
 * TLS-RPT, BIMI, DNSSEC, the blocklists and the resolver comparison, each a collapsible
 * section with its findings. Loaded after the first paint (see lazy-mail-sections.tsx): the MX
 * list must not wait for this code.
 */
import type { MailDiagnostics, MailSectionData } from '../../core/mail/mail-types';
import { MAIL_SECTION_TITLES, MAIL_SECTIONS, type MailSectionId } from '../../core/mail/section-ids';
import type { Report } from '../../core/report';
import type { MailActions } from '../actions';
import { CompareSection } from './compare-section';
import { DiagnosticSection } from './diagnostic-section';
import frameCss from './mail-frame.css';
import { Scorecard } from './scorecard';
import { SECTION_VIEWS, type SectionView } from './section-views';

export { MailRecords } from '../mail-records';

/**
 * The frame's styles, then each section's from its view (section-views.tsx), in the order the
 * sections are shown. They travel with this module (loaded after the first paint) and go into a
 * <style> inside the section, which works in the popup's document and in the panel's shadow root
 * alike.
 */
const MAIL_CSS = [frameCss, ...MAIL_SECTIONS.map((id) => SECTION_VIEWS[id].css)].join('\n');

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
  return (
    <section class="mail-diagnostics" aria-label="Mail setup">
      <style>{MAIL_CSS}</style>
      <Heading class="section-heading">Mail setup</Heading>
      <Scorecard lines={mail.scorecard} />
      {MAIL_SECTIONS.map((id) => (
        <MailSectionView key={id} id={id} report={report} mail={mail} actions={actions} rerun={rerun} />
      ))}
      {actions && (
        <DiagnosticSection id="compare" title="Compare resolvers" findings={[]} pending={false} idle="on request">
          <CompareSection input={report.query.name} actions={actions} />
        </DiagnosticSection>
      )}
    </section>
  );
}

interface MailSectionViewProps {
  id: MailSectionId;
  report: Report;
  mail: MailDiagnostics;
  actions: MailActions | undefined;
  rerun: () => void;
}

/** One section through its view (section-views.tsx); typed loosely here, checked per entry there. */
function MailSectionView({ id, report, mail, actions, rerun }: MailSectionViewProps) {
  const view = SECTION_VIEWS[id] as unknown as SectionView<MailSectionId>;
  const data = (mail as Partial<MailSectionData>)[id];
  const title = MAIL_SECTION_TITLES[id];
  if (data === undefined) {
    if (!view.Off || !actions) return null;
    return (
      <DiagnosticSection id={view.domId} title={title} findings={[]} pending={false} idle="off">
        {view.Off({ actions, rerun })}
      </DiagnosticSection>
    );
  }
  return (
    <DiagnosticSection id={view.domId} title={title} findings={mail.findings[id]} pending={view.pending(data, report)} gist={view.gist?.(data)}>
      {view.Body({ data, report, mail, actions, rerun })}
    </DiagnosticSection>
  );
}
