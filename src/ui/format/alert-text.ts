/**
 * When MXray cannot say where mail goes, an alert says what happened and what to try. A domain
 * that does not exist or takes no mail is an answer, not an error: the findings explain those.
 * A lookup that failed (no resolver answered, SERVFAIL, REFUSED) is an error: the question is
 * still open.
 */
import type { InvalidQueryJson } from '../../core/query/invalid-query';
import type { AnswerStatus, Report } from '../../core/report';

export interface AlertText {
  /** What happened. */
  what: string;
  /** What to try. */
  tryNext: string;
}

export function invalidInputAlert(error: InvalidQueryJson): AlertText {
  // The parser's message already says what was wrong and what to type instead.
  return { what: error.message, tryNext: 'Type a domain (example.com), an email address, a URL or an IP address.' };
}

export function lostConnectionAlert(reason: string): AlertText {
  return { what: reason, tryNext: 'If it keeps happening, reload the extension from the browser’s extensions page.' };
}

/** The alert for a finished (or failing) report, or `undefined` when the lookup got its answer. */
export function reportAlert(report: Report): AlertText | undefined {
  const isIp = report.query.kind === 'ip';
  const status: AnswerStatus = isIp ? (report.ptr?.ptrStatus ?? 'pending') : report.mxStatus;
  const what = isIp ? `the reverse DNS (PTR) of ${report.query.display}` : `the mail servers (MX) of ${report.query.display}`;
  switch (status) {
    case 'error': {
      const detail = report.errors[0]?.message;
      return {
        what: `No resolver answered for ${what}.${detail ? ` ${detail}` : ''}`,
        tryNext: 'Check the network connection and try again, or choose another resolver in the options.',
      };
    }
    case 'servfail':
      return {
        what: `The resolver could not get an answer for ${what} (SERVFAIL).`,
        tryNext: 'Try again in a few minutes. If it persists, the domain’s name servers or its DNSSEC setup are broken: tell its administrator.',
      };
    case 'refused':
      return {
        what: `The resolver refused to answer for ${what} (REFUSED).`,
        tryNext: 'Choose another resolver in the options: a filtering resolver may be blocking the name.',
      };
    default:
      return undefined;
  }
}
