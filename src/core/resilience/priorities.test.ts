import { describe, expect, it } from 'vitest';
import { testExchange, testReport } from '../routing-checks/test-report';
import { priorityFindings } from './priorities';

const mx = (host: string, preference: number, extra = {}) => testExchange(host, { preference, ...extra });
const messages = (exchanges: ReturnType<typeof mx>[], code: string, query = {}) =>
  priorityFindings(testReport({ exchanges, ...query }))
    .filter((f) => f.code === code)
    .map((f) => f.message);

describe('what the priorities do, in plain words', () => {
  it('two sharing the load, one backup', () => {
    expect(messages([mx('mx1.example.com', 10), mx('mx2.example.com', 10), mx('mx3.example.com', 20)], 'mx-priorities')).toEqual([
      'mx1.example.com and mx2.example.com (10) share the load; mx3.example.com (20) is used only when both are down.',
    ]);
  });
  it('a chain of single backups', () => {
    expect(messages([mx('a.example.com', 10), mx('b.example.com', 20), mx('c.example.com', 30), mx('d.example.com', 40)], 'mx-priorities')).toEqual([
      'a.example.com (10) takes all the mail while it answers; b.example.com (20) is used only when a.example.com is down; c.example.com (30) is used only when both are down; d.example.com (40) is used only when all 3 before it are down.',
    ]);
  });
  it('equal preferences only, and a second group sharing', () => {
    expect(messages([mx('a.example.com', 10), mx('b.example.com', 10)], 'mx-priorities')).toEqual([
      'a.example.com and b.example.com (10) share the load; there is no backup with a higher number.',
    ]);
    expect(messages([mx('a.example.com', 10), mx('b.example.com', 20), mx('c.example.com', 20)], 'mx-priorities')).toEqual([
      'a.example.com (10) takes all the mail while it answers; b.example.com and c.example.com (20) share the load only when a.example.com is down.',
    ]);
  });
  it('says which hosts senders skip in practice', () => {
    expect(messages([mx('a.example.com', 10, { state: 'nxdomain' }), mx('b.example.com', 20)], 'mx-priorities')[0]).toMatch(
      / In practice a\.example\.com cannot be reached, so senders skip it\.$/,
    );
  });
  it('says nothing for a single host', () => {
    expect(priorityFindings(testReport())).toEqual([]);
  });
});

describe("a backup at the primary's preference", () => {
  it('is a warning when the host is named as a backup', () => {
    const [finding] = priorityFindings(testReport({ exchanges: [mx('mx.example.com', 10), mx('backup.example.com', 10)] })).filter(
      (f) => f.code === 'mx-backup-same-preference',
    );
    expect(finding).toMatchObject({ severity: 'warn', subject: 'backup.example.com' });
    expect(finding!.message).toBe(
      'backup.example.com looks like a backup by its name, but it has the same preference (10) as mx.example.com: senders pick at random among equal preferences, so it takes half of the mail all the time, not only when mx.example.com is down. If it is meant as a backup, give it a higher number (for example 20); if sharing the load is the intent, nothing is wrong.',
    );
  });
  it("is a warning for another organisation's relay beside the domain's own server", () => {
    expect(messages([mx('mx.example.com', 10), mx('relay.backupmx.example.net', 10)], 'mx-backup-same-preference')).toEqual([
      'relay.backupmx.example.net is run by another organisation (example.net), like a backup, but it has the same preference (10) as mx.example.com: senders pick at random among equal preferences, so it takes half of the mail all the time, not only when mx.example.com is down. If it is meant as a backup, give it a higher number (for example 20); if sharing the load is the intent, nothing is wrong.',
    ]);
    // Two providers side by side, none of them the domain's own: a choice, not said.
    expect(messages([mx('aspmx.l.google.com', 10), mx('mx1.example.net', 10)], 'mx-backup-same-preference')).toEqual([]);
  });
  it('is not said for plain load sharing or for a backup with a higher number', () => {
    expect(messages([mx('mx1.example.com', 10), mx('mx2.example.com', 10)], 'mx-backup-same-preference')).toEqual([]);
    expect(messages([mx('mx.example.com', 10), mx('backup.example.com', 20)], 'mx-backup-same-preference')).toEqual([]);
    expect(messages([mx('backupcompany.example.com', 10), mx('mx.example.com', 10)], 'mx-backup-same-preference')).toEqual([]);
    // The domain's own name does not count: mx.my-backup.com is not named as a backup.
    expect(messages([mx('mx.my-backup.com', 10), mx('mx2.my-backup.com', 10)], 'mx-backup-same-preference', { query: { name: 'my-backup.com' } })).toEqual([]);
  });
});

describe("a third-party backup below the domain's own primary", () => {
  it('is a neutral note with the risk', () => {
    const [finding] = priorityFindings(testReport({ exchanges: [mx('mx.example.com', 10), mx('relay.backupmx.example.net', 20)] })).filter(
      (f) => f.code === 'mx-third-party-backup',
    );
    expect(finding).toMatchObject({ severity: 'info', subject: 'relay.backupmx.example.net' });
    expect(finding!.message).toMatch(
      /^relay\.backupmx\.example\.net \(20\) is a backup on example\.net's servers, below example\.com's own mx\.example\.com \(10\)\. Such a backup is a known weak spot: it often does not know which recipients exist/,
    );
  });
  it('names a filtering service and says mail goes around it', () => {
    const [finding] = priorityFindings(testReport({ exchanges: [mx('mx.example.com', 10), mx('mxa-001.pphosted.com', 20)] })).filter(
      (f) => f.code === 'mx-third-party-backup',
    );
    expect(finding!.message).toMatch(
      /on Proofpoint's servers, .* A filtering service placed below the primary only sees mail when mx\.example\.com is down: the rest of the time mail goes around the filter\./,
    );
  });
  it("is not said when the primary is itself elsewhere, or the backup is the domain's own", () => {
    expect(messages([mx('aspmx.l.google.com', 1), mx('mx.example.net', 20)], 'mx-third-party-backup')).toEqual([]);
    expect(messages([mx('mx1.example.com', 10), mx('mx2.example.com', 20)], 'mx-third-party-backup')).toEqual([]);
  });
});

describe('preferences with a large gap', () => {
  it('10 and 1000 may be a typo; only the order matters', () => {
    const [finding] = priorityFindings(testReport({ exchanges: [mx('mx1.example.com', 10), mx('mx2.example.com', 1000)] })).filter(
      (f) => f.code === 'mx-preference-gap',
    );
    expect(finding).toMatchObject({ severity: 'info', subject: 'mx2.example.com' });
    expect(finding!.message).toBe(
      'The preferences jump from 10 (mx1.example.com) to 1000 (mx2.example.com). Senders only look at the order, so a large gap changes nothing by itself; if 1000 is a typo (100?), check that the order is still the one you meant.',
    );
  });
  it('is not said for ordinary steps', () => {
    for (const [a, b] of [
      [10, 20],
      [10, 100],
      [0, 10],
      [1, 5],
      [20, 400],
    ] as const) {
      expect(messages([mx('mx1.example.com', a), mx('mx2.example.com', b)], 'mx-preference-gap'), `${a} ${b}`).toEqual([]);
    }
  });
});
