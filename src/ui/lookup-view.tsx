/**
 * One lookup as a person follows it: the name as a heading, the Copy menu, the status line,
 * an alert when something went wrong, and the report as it grows. Popup, result page and
 * in-page panel all render this with the state from `useLookup`.
 */
import type { ReportActions } from './actions';
import { LazyCopyMenu } from './late/lazy-late-parts';
import { ErrorAlert } from './error-alert';
import { invalidInputAlert, lostConnectionAlert, reportAlert, type AlertText } from './format/alert-text';
import { statusText } from './format/status-text';
import { ReportView } from './report-view';
import { StatusLine } from './status-line';
import { isRunning, type LookupState } from './use-lookup';
import { DnsText } from './dns-text';

export interface LookupViewProps {
  state: LookupState;
  actions: ReportActions;
  /** h1 in the popup and result page, h2 in the in-page panel (the page has its own h1). */
  headingLevel?: 1 | 2;
  /** Run the same lookup again (the mail diagnostics' buttons change what it asks). */
  rerun?: () => void;
}

function alertFor(state: LookupState): AlertText | undefined {
  if (state.invalid) return invalidInputAlert(state.invalid);
  if (state.lost) return lostConnectionAlert(state.lost);
  // A failed MX (or PTR) question is final: say so at once, not after the mail checks, which
  // with every resolver hanging would keep the alert back for several more deadlines.
  const report = state.report;
  const failed = report && (report.query.kind === 'ip' ? report.ptr?.ptrStatus : report.mxStatus) === 'error';
  return report && (report.status === 'done' || failed) ? reportAlert(report) : undefined;
}

export function LookupView({ state, actions, headingLevel = 1, rerun }: LookupViewProps) {
  const { report } = state;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const title = report?.query.display ?? state.request?.input;
  const alert = alertFor(state);
  return (
    <div class="lookup">
      {title !== undefined && (
        <div class="lookup-head">
          <Heading class="lookup-title">
            <DnsText text={title} />
          </Heading>
          {report && <LazyCopyMenu report={report} actions={actions} />}
        </div>
      )}
      <StatusLine text={state.invalid ? 'Not looked up' : state.lost ? 'Stopped' : statusText(report, isRunning(state), state.notice)} />
      {alert && <ErrorAlert alert={alert} />}
      {report && <ReportView report={report} sectionLevel={headingLevel === 1 ? 2 : 3} actions={actions} {...(rerun ? { rerun } : {})} />}
    </div>
  );
}
