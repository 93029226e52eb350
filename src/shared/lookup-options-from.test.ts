import { describe, expect, it } from 'vitest';
import type { PolicyFetcher } from '../core/mail/mta-sts/types';
import { lookupOptionsFrom, type LookupChoices, type LookupContext } from './lookup-options-from';
import { DEFAULT_SETTINGS } from './settings';

const fetchPolicy: PolicyFetcher = () => Promise.resolve('permission-needed');
/** Everything a person can turn on, on. */
const all: LookupChoices = { ptr: true, asn: true, diagnostics: true, blocklists: true, dkimSelectors: ['s1'] };
/** Everything off. */
const none: LookupChoices = { ptr: false, asn: false, diagnostics: false, blocklists: false, dkimSelectors: [] };

describe('lookupOptionsFrom: with every choice on', () => {
  // context, ptr/fcrdns, asn, txt, blocklists, policy file
  it.each<[LookupContext, boolean, boolean, boolean, boolean, boolean]>([
    ['report', true, true, true, true, true],
    ['cli', true, true, true, true, true],
    ['bulk', false, false, true, false, true],
    ['cli-bulk', false, false, true, true, true],
    ['watch', true, false, true, false, false],
    ['cli-history', true, false, true, true, true],
  ])('%s: ptr and FCrDNS %s, networks %s, TXT %s, blocklists %s, policy file %s', (context, reverse, asn, txt, blocklists, policyFile) => {
    const options = lookupOptionsFrom(all, context, fetchPolicy);
    expect(options).toMatchObject({ ptr: reverse, fcrdns: reverse, asn, txt });
    expect(options.diagnostics?.blocklists).toBe(blocklists);
    expect(options.diagnostics?.dkimSelectors).toEqual(['s1']);
    expect(options.diagnostics?.fetchPolicy).toBe(policyFile ? fetchPolicy : undefined);
  });
});

describe('lookupOptionsFrom: with every choice off', () => {
  // context, TXT, mail records asked anyway
  it.each<[LookupContext, boolean, boolean]>([
    ['report', true, false],
    ['cli', true, false],
    ['bulk', false, false],
    ['cli-bulk', false, false],
    ['watch', true, false],
    ['cli-history', true, true],
  ])('%s: TXT %s, mail records %s, and nothing else', (context, txt, mailRecords) => {
    const options = lookupOptionsFrom(none, context, fetchPolicy);
    expect(options).toMatchObject({ ptr: false, fcrdns: false, asn: false, txt });
    expect(options.diagnostics !== undefined).toBe(mailRecords);
  });

  it('cli-history asks the mail records without --all, but not the policy file (the facts keep the record)', () => {
    expect(lookupOptionsFrom({ ...none, dkimSelectors: ['s1'] }, 'cli-history', fetchPolicy).diagnostics).toEqual({ blocklists: false, dkimSelectors: ['s1'] });
  });
});

describe('lookupOptionsFrom: single choices', () => {
  it("asks the name's own addresses only after a NODATA MX answer in a bulk run, beside the MX question elsewhere", () => {
    for (const context of ['bulk', 'cli-bulk'] as const) expect(lookupOptionsFrom(all, context).nameAddresses).toBe('after-nodata');
    for (const context of ['report', 'cli', 'watch', 'cli-history'] as const) expect(lookupOptionsFrom(all, context).nameAddresses).toBeUndefined();
  });

  it('gives the extension defaults to a report: PTR, FCrDNS, networks and the mail records, no blocklists', () => {
    const options = lookupOptionsFrom(DEFAULT_SETTINGS, 'report', fetchPolicy);
    expect(options).toEqual({ ptr: true, fcrdns: true, asn: true, txt: true, diagnostics: { blocklists: false, dkimSelectors: [], fetchPolicy } });
  });

  it('turns FCrDNS off with --no-fcrdns, and with PTR off (it confirms the PTR names)', () => {
    expect(lookupOptionsFrom({ ...all, fcrdns: false }, 'cli')).toMatchObject({ ptr: true, fcrdns: false });
    expect(lookupOptionsFrom({ ...all, ptr: false, fcrdns: true }, 'cli')).toMatchObject({ ptr: false, fcrdns: false });
  });

  it('asks blocklists only with the mail records (they are one of its sections)', () => {
    expect(lookupOptionsFrom({ ...none, blocklists: true }, 'report').diagnostics).toBeUndefined();
  });

  it('leaves the policy file out when the shell has no way to fetch it', () => {
    expect(lookupOptionsFrom(all, 'report').diagnostics).not.toHaveProperty('fetchPolicy');
  });

  it('never asks the networks in a watch check, whatever the settings (no fact holds them)', () => {
    expect(lookupOptionsFrom({ ...DEFAULT_SETTINGS, asn: true }, 'watch').asn).toBe(false);
  });
});
