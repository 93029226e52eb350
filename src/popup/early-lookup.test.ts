/**
 * The popup's first script starts the lookup when the worker runs, and the app adopts it
 * (issue 24): the request goes out once, before the app asks; what came meanwhile reaches the
 * app; a stopped worker is not woken; another request starts its own lookup. The port, the tab
 * and the browser's answer about the worker are stand-ins.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookupMessage, LookupRequest } from '../shared/messages';
import type { LookupHandlers } from '../platform/lookup-port';
import { adoptEarlyOr, handOn, startEarly, takeEarlyStart } from './early-lookup';

const world = vi.hoisted(() => ({
  state: 'running' as string,
  url: 'https://mail.five-mx.test/inbox' as string | undefined | Error,
  tabQueries: 0,
  connects: [] as { request: LookupRequest; handlers: LookupHandlers; stopped: boolean }[],
}));

vi.mock('../platform/first-questions/background-state', () => ({ backgroundState: async () => world.state }));
vi.mock('../platform/tabs', () => ({
  activeTabUrl: async () => {
    world.tabQueries++;
    if (world.url instanceof Error) throw world.url;
    return world.url;
  },
}));
vi.mock('../platform/lookup-port', () => ({
  startLookup: (request: LookupRequest, handlers: LookupHandlers) => {
    const connection = { request, handlers, stopped: false };
    world.connects.push(connection);
    return () => (connection.stopped = true);
  },
}));

const report = (name: string) => ({ type: 'report', report: { query: { name }, status: 'running' } }) as unknown as LookupMessage;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const tabRequest: LookupRequest = { type: 'lookup', input: 'mail.five-mx.test', source: 'tab' };

/** The first script's start, settled. */
async function firstScript(query: string | undefined) {
  const early = startEarly(query);
  await early.lookup;
  return early;
}

function app() {
  const got: LookupMessage[] = [];
  const lost: string[] = [];
  const fallback: LookupRequest[] = [];
  const adopted: string[] = [];
  const handlers = { onMessage: (m: LookupMessage) => got.push(m), onLost: (r: string) => lost.push(r) };
  const start = (request: LookupRequest) => {
    fallback.push(request);
    return () => undefined;
  };
  return { got, lost, fallback, adopted, handlers, start, onAdopted: () => adopted.push('adopted') };
}

beforeEach(() => {
  world.state = 'running';
  world.url = 'https://mail.five-mx.test/inbox';
  world.tabQueries = 0;
  world.connects = [];
});

describe('the early lookup', () => {
  it("the toolbar popup, worker running: the tab's host is asked before the app asks, and the app gets what came meanwhile, then the rest", async () => {
    const early = await firstScript(undefined);
    expect(world.connects.map((c) => c.request)).toEqual([tabRequest]);
    world.connects[0]!.handlers.onMessage(report('first'));
    world.connects[0]!.handlers.onMessage(report('second'));
    const { got, fallback, adopted, handlers, start, onAdopted } = app();
    const stop = adoptEarlyOr(early, start, onAdopted)(tabRequest, handlers);
    await flush();
    expect(fallback).toEqual([]);
    expect(adopted).toEqual(['adopted']);
    expect(got).toEqual([report('second')]); // each message is a whole report: the latest is all of it
    world.connects[0]!.handlers.onMessage(report('third'));
    expect(got).toEqual([report('second'), report('third')]);
    stop();
    expect(world.connects[0]!.stopped).toBe(true);
    expect(world.connects).toHaveLength(1);
  });

  it('the result page asks its ?q= (as the app does, from the omnibox), and no tab', async () => {
    await firstScript('five-mx.test');
    expect(world.connects.map((c) => c.request)).toEqual([{ type: 'lookup', input: 'five-mx.test', source: 'omnibox' }]);
    expect(world.tabQueries).toBe(0);
  });

  it('a stopped worker is not woken: the app starts the lookup its own way (the page asks first)', async () => {
    world.state = 'stopped';
    const early = await firstScript(undefined);
    expect(world.connects).toEqual([]);
    expect(await early.workerState).toBe('stopped');
    const { fallback, adopted, handlers, start, onAdopted } = app();
    adoptEarlyOr(early, start, onAdopted)(tabRequest, handlers);
    await flush();
    expect(fallback).toEqual([tabRequest]);
    expect(adopted).toEqual([]);
  });

  it('a tab with no web page asks nothing, and says there is nothing to look up', async () => {
    world.url = 'chrome://extensions/';
    const early = await firstScript(undefined);
    expect(world.connects).toEqual([]);
    expect(await early.input).toBeUndefined();
    world.url = 'https://mail.five-mx.test/';
    expect(await startEarly(undefined).input).toBe('mail.five-mx.test');
    expect(await startEarly('five-mx.test').input).toBe('five-mx.test');
  });

  it('a tab the browser will not tell: nothing to look up, nothing asked, no rejection left unhandled', async () => {
    world.url = new Error('No tab with id');
    const early = await firstScript(undefined);
    expect(await early.input).toBeUndefined();
    expect(world.connects).toEqual([]);
  });

  it('another request, or the same one a second time, starts its own lookup; a lost early lookup is told', async () => {
    const early = await firstScript(undefined);
    world.connects[0]!.handlers.onLost('gone');
    const first = app();
    adoptEarlyOr(early, first.start)({ type: 'lookup', input: 'other.test', source: 'typed' }, first.handlers);
    await flush();
    expect(first.fallback.map((r) => r.input)).toEqual(['other.test']);
    const second = app();
    adoptEarlyOr(early, second.start)(tabRequest, second.handlers);
    await flush();
    expect(second.lost).toEqual(['gone']);
    const third = app();
    adoptEarlyOr(early, third.start)(tabRequest, third.handlers);
    await flush();
    expect(third.fallback).toEqual([tabRequest]);
  });

  it('cancelled before the early lookup is known: nothing is started for the app', async () => {
    world.state = 'stopped';
    const early = startEarly(undefined);
    const { fallback, handlers, start } = app();
    const stop = adoptEarlyOr(early, start)(tabRequest, handlers);
    stop();
    await flush();
    expect(fallback).toEqual([]);
  });

  it('popup.js takes what the first script handed on, once; without it, it starts the same itself', async () => {
    const handed = startEarly(undefined);
    handOn(handed);
    expect(takeEarlyStart(undefined)).toBe(handed);
    const own = takeEarlyStart(undefined);
    expect(own).not.toBe(handed);
    await own.lookup;
    expect(world.tabQueries).toBe(2);
  });
});
