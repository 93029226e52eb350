// bench/browser/request-senders.ts: which requests at the resolver front the page sent itself
// (issue #24), from the DoH questions the paint probe saw the page fetch.
import { describe, expect, it } from 'vitest';
import { requestSenders } from '../../bench/browser/request-senders';
import type { FrontRequest } from '../../bench/browser/resolver-front';
import { encodeQuery } from '../../src/core/dns/wire-codec';
import { base64Url } from '../../src/core/doh/doh-request';
import type { QuestionType } from '../../src/core/dns/message';

const ORIGIN = 1_000_000;
const dns = (name: string, type: QuestionType) => base64Url(encodeQuery({ name, type }));
const request = (question: string, receivedAt: number): FrontRequest => ({ question, receivedAt: ORIGIN + receivedAt });

describe('requestSenders', () => {
  it('gives the page the questions it fetched, and the worker the rest', () => {
    const requests = [request('five-mx.test MX', 10), request('mx1.five-mx.test A', 60), request('five-mx.test TXT', 62)];
    const fetches = [
      { dns: dns('five-mx.test', 'MX'), atMs: 8 },
      { dns: dns('mx1.five-mx.test', 'A'), atMs: 58 },
    ];
    expect(requestSenders(requests, { timeOrigin: ORIGIN, fetches })).toEqual(['page', 'page', 'worker']);
  });

  it('gives a question asked by both one request each, the page the earlier (one fetch claims one request)', () => {
    const requests = [request('five-mx.test MX', 40), request('five-mx.test MX', 12)];
    const fetches = [{ dns: dns('five-mx.test', 'MX'), atMs: 10 }];
    expect(requestSenders(requests, { timeOrigin: ORIGIN, fetches })).toEqual(['worker', 'page']);
  });

  it('never gives the page a request that reached the front before the page fetched it', () => {
    const requests = [request('five-mx.test MX', 10)];
    const fetches = [{ dns: dns('five-mx.test', 'MX'), atMs: 200 }];
    expect(requestSenders(requests, { timeOrigin: ORIGIN, fetches })).toEqual(['worker']);
  });

  it('says worker for everything when the page fetched nothing or the probe saw no fetch log (an old probe)', () => {
    const requests = [request('five-mx.test MX', 10), request('? ?', 11)];
    expect(requestSenders(requests, { timeOrigin: ORIGIN, fetches: [] })).toEqual(['worker', 'worker']);
    expect(requestSenders(requests, { timeOrigin: ORIGIN })).toEqual(['worker', 'worker']);
    expect(requestSenders(requests, { timeOrigin: ORIGIN, fetches: [{ dns: 'not base64 DNS', atMs: 1 }] })).toEqual(['worker', 'worker']);
  });
});
