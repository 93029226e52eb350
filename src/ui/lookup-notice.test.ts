// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testReport } from '../core/routing-checks/test-report';
import { LookupView } from './lookup-view';
import { withFindings } from './testing/sample-reports';
import { mount, textOf, unmountAll } from './testing/render';
import { preloadLazyChunks } from './testing/render';

beforeAll(preloadLazyChunks);

afterEach(unmountAll);

const actions = { copy: async () => undefined };
const request = { type: 'lookup' as const, input: 'five-mx.test', source: 'typed' as const };

describe('a slow resolver on screen', () => {
  it('says which resolver is slow and who else is asked, in the status line, while nothing has answered', () => {
    const report = withFindings(testReport({ status: 'running', mxStatus: 'pending', exchanges: [], elapsedMs: 1_010 }));
    report.notices = [{ code: 'resolver-slow', message: 'Cloudflare is slow to answer; also asking Google.', atMs: 1_000 }];
    const element = mount(h(LookupView, { state: { request, report }, actions }));
    expect(textOf(element.querySelector('[role="status"]'))).toBe('Looking up… Cloudflare is slow to answer; also asking Google.');
  });

  it('keeps only the newest notice, and the progress count after it', () => {
    const report = withFindings(testReport({ status: 'running', elapsedMs: 2_500 }));
    report.exchanges[0]!.state = 'pending';
    report.notices = [
      { code: 'resolver-slow', message: 'Cloudflare is slow to answer; also asking Google.', atMs: 1_000 },
      { code: 'resolver-slow', message: 'Cloudflare and Google are slow to answer; also asking Quad9.', atMs: 2_000 },
    ];
    const element = mount(h(LookupView, { state: { request, report }, actions }));
    expect(textOf(element.querySelector('[role="status"]'))).toMatch(
      /^Looking up… Cloudflare and Google are slow to answer; also asking Quad9\. 0 of \d+ mail servers? resolved$/,
    );
  });

  it('drops a notice once it is old news (2 s without being said again)', () => {
    const report = withFindings(testReport({ status: 'running', mxStatus: 'pending', exchanges: [], elapsedMs: 3_100 }));
    report.notices = [{ code: 'resolver-slow', message: 'Cloudflare is slow to answer; also asking Google.', atMs: 1_000 }];
    const element = mount(h(LookupView, { state: { request, report }, actions }));
    expect(textOf(element.querySelector('[role="status"]'))).toBe('Looking up…');
  });

  it('shows the notice of a report the popup is not showing yet (before it picks the host or the registrable domain)', () => {
    const element = mount(h(LookupView, { state: { request, notice: 'Cloudflare is slow to answer; also asking Google.' }, actions }));
    expect(textOf(element.querySelector('[role="status"]'))).toBe('Looking up… Cloudflare is slow to answer; also asking Google.');
  });

  it('says "Done in" once done, whatever was slow on the way', () => {
    const report = withFindings(testReport({ status: 'done', elapsedMs: 1_234 }));
    report.notices = [{ code: 'resolver-slow', message: 'Cloudflare is slow to answer; also asking Google.', atMs: 1_000 }];
    const element = mount(h(LookupView, { state: { request, report }, actions }));
    expect(textOf(element.querySelector('[role="status"]'))).toBe('Done in 1234 ms');
  });
});
