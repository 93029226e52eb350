// @vitest-environment happy-dom
/**
 * Issue 12, section 6: the SPF/DMARC records and the mail setup come in below the routing once
 * it is complete, so loading and drawing them never takes the frames the routing needs.
 */
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { newMailDiagnostics } from '../core/mail/mail-diagnostics';
import type { Report } from '../core/report';
import { ReportView } from './report-view';
import { mount, unmountAll } from './testing/render';
import { fiveMxReport } from './testing/sample-reports';

afterEach(unmountAll);

/** five-mx.test while it runs: the mail checks on, and the last PTR (of mx5's address) not yet answered. */
function runningReport(): Report {
  const report: Report = { ...structuredClone(fiveMxReport()), status: 'running', mail: newMailDiagnostics({}) };
  const last = report.exchanges.at(-1)!.addresses[0]!;
  Object.assign(last, { ptrStatus: 'pending', ptr: [], fcrdns: 'pending' });
  return report;
}

async function shown(report: Report): Promise<HTMLElement> {
  const view = mount(h(ReportView, { report }));
  await act(async () => {
    await import('./mail/mail-sections'); // the lazy chunk, so a view that asks for it has it
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return view;
}

describe('ReportView: the mail setup after the routing', () => {
  it('shows the mail servers, but not the mail setup, while a PTR is still pending', async () => {
    const view = await shown(runningReport());
    expect(view.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
    expect(view.querySelector('[aria-label="Mail setup"]')).toBeNull();
  });

  it('shows the mail setup once the routing is complete, or once the checks have asked anything', async () => {
    const routed = runningReport();
    Object.assign(routed.exchanges.at(-1)!.addresses[0]!, { ptrStatus: 'nodata', fcrdns: 'none' });
    expect((await shown(routed)).querySelector('[aria-label="Mail setup"]')).not.toBeNull();
    const checking = runningReport();
    checking.mail!.requests = 3; // started after ROUTING_FIRST_MS with the PTR still out
    expect((await shown(checking)).querySelector('[aria-label="Mail setup"]')).not.toBeNull();
  });
});
