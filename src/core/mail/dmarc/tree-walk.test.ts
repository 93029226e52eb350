import { describe, expect, it } from 'vitest';
import { choosePolicy, treeWalkDomains } from './tree-walk';
import type { DmarcLookup } from './types';

const lookup = (domain: string, records: string[] = [], status: DmarcLookup['status'] = records.length ? 'ok' : 'nxdomain'): DmarcLookup => ({
  domain,
  status,
  records,
  discarded: [],
});

describe('treeWalkDomains (DMARCbis §4.10)', () => {
  it('asks the domain, then each parent, longest first, down to the top-level domain', () => {
    expect(treeWalkDomains('a.mail.example.com')).toEqual(['a.mail.example.com', 'mail.example.com', 'example.com', 'com']);
    expect(treeWalkDomains('example.com')).toEqual(['example.com', 'com']);
    expect(treeWalkDomains('localhost')).toEqual(['localhost']);
    expect(treeWalkDomains('')).toEqual([]);
  });

  it("asks at most 8 names: a long domain jumps to its last 7 labels (the draft's own example)", () => {
    expect(treeWalkDomains('a.b.c.d.e.f.g.h.i.j.mail.example.com')).toEqual([
      'a.b.c.d.e.f.g.h.i.j.mail.example.com',
      'g.h.i.j.mail.example.com',
      'h.i.j.mail.example.com',
      'i.j.mail.example.com',
      'j.mail.example.com',
      'mail.example.com',
      'example.com',
      'com',
    ]);
  });
});

describe('choosePolicy (DMARCbis §4.10.1 and §4.10.2)', () => {
  it("uses the domain's own record first", () => {
    expect(choosePolicy([lookup('mail.example.com', ['v=DMARC1; p=none']), lookup('example.com', ['v=DMARC1; p=reject']), lookup('com')])).toEqual({
      source: 'domain',
      domain: 'mail.example.com',
      record: 'v=DMARC1; p=none',
    });
  });

  it('without one, uses the parent with the fewest labels (the organizational domain)', () => {
    const choice = choosePolicy([
      lookup('a.mail.example.com'),
      lookup('mail.example.com', ['v=DMARC1; p=none']),
      lookup('example.com', ['v=DMARC1; p=reject']),
      lookup('com'),
    ]);
    expect(choice).toMatchObject({ source: 'organizational-domain', domain: 'example.com' });
  });

  it('stops at a parent with psd=n: it is the organizational domain', () => {
    const choice = choosePolicy([
      lookup('a.mail.example.com'),
      lookup('mail.example.com', ['v=DMARC1; p=quarantine; psd=n']),
      lookup('example.com', ['v=DMARC1; p=reject']),
      lookup('com'),
    ]);
    expect(choice).toMatchObject({ source: 'organizational-domain', domain: 'mail.example.com' });
  });

  it("with psd=y, takes the domain one label below as the organizational domain (the draft's bank.example)", () => {
    const psd = lookup('bank.example', ['v=DMARC1; p=reject; psd=y']);
    expect(choosePolicy([lookup('mail.giant.bank.example'), lookup('giant.bank.example', ['v=DMARC1; p=none']), psd, lookup('example')])).toMatchObject({
      source: 'organizational-domain',
      domain: 'giant.bank.example',
    });
    // mega.bank.example has no record: the public suffix domain's own record applies
    expect(choosePolicy([lookup('mail.mega.bank.example'), lookup('mega.bank.example'), psd, lookup('example')])).toMatchObject({
      source: 'public-suffix-domain',
      domain: 'bank.example',
    });
    expect(choosePolicy([lookup('giant.bank.example'), psd, lookup('example')])).toMatchObject({ source: 'public-suffix-domain', domain: 'bank.example' });
  });

  it('counts several records at one name as none there (DMARCbis §4.10 step 2)', () => {
    expect(choosePolicy([lookup('example.com', ['v=DMARC1; p=none', 'v=DMARC1; p=reject']), lookup('com')])).toBeUndefined();
    expect(choosePolicy([lookup('a.example.com', ['v=DMARC1; p=none', 'v=DMARC1; p=reject']), lookup('example.com', ['v=DMARC1; p=reject'])])).toMatchObject({
      domain: 'example.com',
    });
  });

  it('finds nothing when no name has a record', () => {
    expect(choosePolicy([lookup('example.com'), lookup('com')])).toBeUndefined();
    expect(choosePolicy([])).toBeUndefined();
  });

  it('skips parents whose lookup failed', () => {
    expect(choosePolicy([lookup('a.example.com'), lookup('example.com', ['v=DMARC1; p=reject'], 'servfail')])).toBeUndefined();
  });
});
