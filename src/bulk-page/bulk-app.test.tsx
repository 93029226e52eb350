// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractEntries } from '../core/bulk/extract-entries';
import type { BulkResult } from '../core/bulk/types';
import { jobView, type BulkCommand, type BulkEvent, type BulkJobRecord, type BulkJobView } from '../shared/bulk-messages';
import { BulkApp } from './bulk-app';

let root: HTMLElement;
let sent: BulkCommand[];
let emit: (event: BulkEvent) => void;

function mount(props: { initialText?: string; autoStart?: boolean } = {}) {
  act(() => {
    render(
      h(BulkApp, {
        connect: (onEvent) => {
          emit = (event) => act(() => onEvent(event));
          return { send: (command) => sent.push(command), close: () => undefined };
        },
        reportUrl: (q: string) => `popup.html?q=${q}`,
        initialText: props.initialText ?? '',
        ...(props.autoStart ? { autoStart: true } : {}),
      }),
      root,
    );
  });
}

const row = (i: number, verdict: BulkResult['verdict'] = 'accepts'): BulkResult =>
  ({
    domain: `d${i}.test`,
    display: `d${i}.test`,
    addresses: 1,
    verdict,
    verdictText: verdict,
    mxCount: verdict === 'accepts' ? 1 : 0,
    primaryMx: verdict === 'accepts' ? `mx.d${i}.test` : undefined,
  }) as BulkResult;

function record(total: number, done: number, status: BulkJobView['status'] = 'running'): BulkJobRecord {
  const input = extractEntries(Array.from({ length: total }, (_, i) => `u@d${i}.test`).join('\n') + '\njunk words here');
  return { id: '1', status, input, mailSetup: false, total, done, runningMs: 1000 };
}

/** The job as the worker sends it: without its list of domains. */
const job = (total: number, done: number, status: BulkJobView['status'] = 'running'): BulkJobView => jobView(record(total, done, status));

beforeEach(() => {
  sent = [];
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('BulkApp', () => {
  it('attaches, then starts the pasted list with the chosen options', () => {
    mount({ initialText: 'a@one.test\nb.test' });
    // Nothing is shown until the worker says whether a job exists (no flash of the empty form).
    expect(root.querySelector('textarea')).toBeNull();
    emit({ type: 'job', job: undefined, rows: [] });
    const start = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Check the list')!;
    act(() => start.click());
    // The page splits the list (papaparse stays out of the worker); the worker reads the lines.
    expect(sent[0]).toEqual({
      type: 'start',
      lines: [
        { text: 'a@one.test', line: 1 },
        { text: 'b.test', line: 2 },
      ],
      mailSetup: false,
    });
  });

  it('starts at once on a handed-over selection, but not over a run in progress', () => {
    mount({ initialText: 'a@one.test b@two.test', autoStart: true });
    emit({ type: 'job', job: job(3, 1), rows: [] });
    expect(sent.filter((c) => c.type === 'start')).toHaveLength(0);
    render(null, root);
    sent = [];
    mount({ initialText: 'a@one.test b@two.test', autoStart: true });
    emit({ type: 'job', job: undefined, rows: [] });
    expect(sent.filter((c) => c.type === 'start')).toEqual([{ type: 'start', lines: [{ text: 'a@one.test b@two.test', line: 1 }], mailSetup: false }]);
  });

  it('names the finished run it replaces, so the worker replaces no run the page has not shown', () => {
    mount({ initialText: 'a@one.test', autoStart: true });
    emit({ type: 'job', job: job(3, 3, 'done'), rows: [] });
    expect(sent.filter((c) => c.type === 'start')).toEqual([{ type: 'start', lines: [{ text: 'a@one.test', line: 1 }], mailSetup: false, replaces: '1' }]);
  });

  it('says why its start was refused (a run going in another tab) and shows that run', () => {
    mount({ initialText: 'a@one.test' });
    emit({ type: 'job', job: undefined, rows: [] });
    act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Check the list')!.click());
    emit({ type: 'job', job: job(4, 1), rows: [] });
    emit({ type: 'error', message: 'A bulk run is already going (1 of 4 domains checked), started in another tab or window; it is shown here.' });
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/^A bulk run is already going/);
    expect(root.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('1');
    expect(root.querySelector('textarea')).toBeNull();
  });

  it('shows progress, rows as they come (paged), the summary, invalid entries, and filters', () => {
    mount();
    emit({ type: 'job', job: job(250, 0), rows: [] });
    const bar = root.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuemax')).toBe('250');
    emit({
      type: 'rows',
      progress: (({ id, status, done, runningMs }) => ({ id, status, done, runningMs }))(job(250, 240)),
      rows: Array.from({ length: 240 }, (_, i): [number, BulkResult] => [i, row(i, i % 10 === 0 ? 'nxdomain' : 'accepts')]),
    });
    expect(bar.getAttribute('aria-valuenow')).toBe('240');
    expect(root.querySelector('[data-testid="progress-text"]')!.textContent).toMatch(/^240 of 250 domains · 240 domains\/s · about 1 s left$/);
    expect(root.querySelector('[data-testid="shown-count"]')!.textContent).toBe('240 rows · page 1 of 3');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(root.querySelector('[data-testid="count-nxdomain"]')!.textContent).toBe('24');
    expect(root.textContent).toContain('1 entry could not be checked');
    expect(root.textContent).toContain('junk words here');
    const nx = [...root.querySelectorAll('.summary button')].find((b) => b.textContent === 'does not exist') as HTMLButtonElement;
    act(() => nx.click());
    expect(root.querySelector('[data-testid="shown-count"]')!.textContent).toBe('24 rows');
    const pause = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Pause')!;
    act(() => pause.click());
    expect(sent.at(-1)).toEqual({ type: 'pause' });
  });

  it('reads a pasted CSV once: the table its column picker read is the one split at the click', () => {
    const parse = vi.spyOn(Papa, 'parse');
    const csv = ['Name,Email', ...Array.from({ length: 50 }, (_, i) => `P${i},p${i}@d${i}.test`)].join('\n');
    mount({ initialText: csv });
    emit({ type: 'job', job: undefined, rows: [] });
    expect(root.querySelector('select[aria-label="Column to check"]')).not.toBeNull();
    const start = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Check the list')!;
    act(() => start.click());
    expect(parse).toHaveBeenCalledTimes(1);
    const lines = (sent[0] as Extract<BulkCommand, { type: 'start' }>).lines;
    expect(lines).toHaveLength(50);
    expect(lines[0]).toEqual({ text: 'P0, p0@d0.test', line: 2 }); // every column: the list has addresses
  });

  it('gets the job without its list; an export asks the worker for the list once, then builds from it', () => {
    const view = job(3, 3, 'done');
    expect(view).not.toHaveProperty('input');
    expect(JSON.stringify(view)).not.toContain('u@d1.test');
    mount();
    emit({ type: 'job', job: view, rows: [0, 1, 2].map((i): [number, BulkResult] => [i, row(i)]) });
    expect(root.textContent).toContain('3 addresses and 3 domains found');
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push((blob as Blob).type);
      return 'blob:x';
    });
    const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
    act(() => button('JSON').click());
    expect(sent).toEqual([{ type: 'list' }]);
    expect(saved).toEqual([]);
    emit({ type: 'list', id: '1', input: record(3, 3).input });
    expect(saved).toEqual(['application/json;charset=utf-8']);
    act(() => button('Addresses that cannot receive mail').click());
    expect(sent).toEqual([{ type: 'list' }]);
    expect(saved).toHaveLength(2);
  });

  it('renders DNS text as text', () => {
    mount();
    emit({
      type: 'job',
      job: job(1, 1, 'done'),
      rows: [[0, { ...row(0), primaryMx: '<img src=x onerror=alert(1)>.test', worstFinding: '<script>x</script>' }]],
    });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>.test');
  });

  it('storage full: says the run is paused with its rows kept, offers the exports and Resume, and clears when resumed', () => {
    mount();
    emit({ type: 'job', job: job(5, 0), rows: [] });
    emit({
      type: 'rows',
      progress: { id: '1', status: 'paused', done: 3, runningMs: 1000, storageFull: true },
      rows: [0, 1, 2].map((i): [number, BulkResult] => [i, row(i)]),
    });
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toBe('Storage is full: the run is paused. Its 3 finished rows are kept; export them, free space, then resume.');
    const exports = [...root.querySelectorAll('[aria-label="Exports"] button')].map((b) => b.textContent);
    expect(exports).toContain('CSV, one row per domain');
    expect(exports).toContain('JSON');
    const resume = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Resume')!;
    act(() => resume.click());
    expect(sent.at(-1)).toEqual({ type: 'resume' });
    emit({ type: 'rows', progress: { id: '1', status: 'running', done: 3, runningMs: 1000, storageFull: false }, rows: [] });
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('storage full with every row in: Resume is still offered, to save them', () => {
    mount();
    emit({ type: 'job', job: { ...job(2, 2, 'paused'), storageFull: true }, rows: [0, 1].map((i): [number, BulkResult] => [i, row(i)]) });
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('Its 2 finished rows are kept');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Resume')).toBe(true);
  });
});
