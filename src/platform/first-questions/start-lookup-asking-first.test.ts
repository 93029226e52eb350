/**
 * Who asks, and when the worker is woken (issue 24): a running worker gets the lookup as before;
 * a stopped one is left stopped while the page asks, and gets the request (with everything the
 * page asked so far) once the page's first answer is painted, its lookup ends, or
 * WAKE_AT_LATEST_MS passes. The port, the page's lookup and the browser's answer about the
 * worker are stand-ins; the relay and the merge are the real ones.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testReport } from '../../core/routing-checks/test-report';
import type { Report } from '../../core/report';
import type { LookupMessage, LookupRequest, RelayMessage } from '../../shared/messages';
import type { BackgroundState } from './background-state';

const world = vi.hoisted(() => ({
  state: 'stopped' as string,
  connects: [] as { request: unknown; posted: unknown[] }[],
  page: undefined as undefined | { observer: { asked(key: string): void }; onReport: (report: unknown) => void; finish: () => void },
}));

vi.mock('./background-state', () => ({ backgroundState: async () => world.state }));
vi.mock('../lookup-port', () => ({
  startLookup: (request: unknown, handlers: { onConnect?: (post: (message: unknown) => void) => void }) => {
    const connection = { request, posted: [] as unknown[] };
    world.connects.push(connection);
    handlers.onConnect?.((message) => connection.posted.push(message));
    return () => undefined;
  },
}));
vi.mock('./ask-first', () => ({
  askFirst: (_input: string, observer: { asked(key: string): void }, _signal: AbortSignal, onReport: (report: unknown) => void) =>
    new Promise<void>((finish) => (world.page = { observer, onReport, finish })),
}));

const request: LookupRequest = { type: 'lookup', input: 'five-mx.test', source: 'tab' };
const pending: Report = { ...testReport({ query: { name: 'five-mx.test' }, mxStatus: 'pending', exchanges: [], status: 'running' }), findings: [] };
const withMx: Report = { ...testReport({ query: { name: 'five-mx.test' } }), findings: [] };

async function open(state: BackgroundState) {
  vi.resetModules();
  world.state = state;
  world.connects = [];
  world.page = undefined;
  const wake = await import('./worker-wake');
  const { startLookupAskingFirst } = await import('./start-lookup-asking-first');
  wake.holdStoppedWorker();
  const messages: LookupMessage[] = [];
  startLookupAskingFirst(request, { onMessage: (message) => messages.push(message), onLost: () => undefined });
  await vi.advanceTimersByTimeAsync(0);
  return { messages, wake };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startLookupAskingFirst', () => {
  it('a running worker asks everything, as before: the page asks nothing', async () => {
    await open('running');
    expect(world.connects.map((c) => c.request)).toEqual([request]);
    expect(world.page).toBeUndefined();
  });

  it('a stopped worker stays stopped while the page asks, and is woken once the first answer is painted, with everything asked so far', async () => {
    const { messages } = await open('stopped');
    world.page!.observer.asked('five-mx.test MX');
    world.page!.onReport(pending);
    await vi.advanceTimersByTimeAsync(50);
    expect(world.connects).toEqual([]);
    world.page!.onReport(withMx);
    // The page's report is shown at once, marked as the page's own.
    expect(messages.at(-1)).toEqual({ type: 'report', report: { ...withMx, status: 'running' }, pageOnly: true });
    expect(world.connects).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(world.connects.map((c) => c.request)).toEqual([{ ...request, pageAsks: true }]);
    expect(world.connects[0]!.posted).toEqual([{ type: 'relay', relay: { asked: ['five-mx.test MX'], answered: [], failed: [] } } satisfies RelayMessage]);
  });

  it('a stopped worker is woken when the page has no answer within WAKE_AT_LATEST_MS (every resolver hanging)', async () => {
    const { wake } = await open('stopped');
    world.page!.observer.asked('five-mx.test MX');
    await vi.advanceTimersByTimeAsync(wake.WAKE_AT_LATEST_MS - 10);
    expect(world.connects).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(world.connects).toHaveLength(1);
  });

  it('a stopped worker is woken at once when the page has nothing to ask (its lookup ended)', async () => {
    await open('stopped');
    world.page!.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(world.connects.map((c) => c.request)).toEqual([{ ...request, pageAsks: true }]);
    expect(world.connects[0]!.posted).toEqual([{ type: 'relay', relay: { asked: [], answered: [], failed: [], done: true } }]);
  });

  it('where the browser cannot say (no runtime.getContexts), the page asks and wakes the worker at once', async () => {
    await open('unknown');
    expect(world.connects.map((c) => c.request)).toEqual([{ ...request, pageAsks: true }]);
    expect(world.page).toBeDefined();
  });
});
