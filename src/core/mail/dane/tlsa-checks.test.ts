import { describe, expect, it } from 'vitest';
import { parseTlsaText } from './read-tlsa';
import { daneStatus, distinctRecords, isUsable, rolloverReady, tlsaProblems, type StatusInputs } from './tlsa-checks';
import type { TlsaRecord } from './types';

const SHA256 = 'ab'.repeat(32);
const OTHER256 = 'cd'.repeat(32);
const SHA512 = 'ef'.repeat(64);
const tlsa = (text: string): TlsaRecord => parseTlsaText(text)!;

describe('tlsaProblems (RFC 6698 §2.1, RFC 7672 §3.1)', () => {
  it('takes DANE-TA(2) and DANE-EE(3) with known selectors and matching types', () => {
    for (const text of [`3 1 1 ${SHA256}`, `2 1 1 ${SHA256}`, `3 0 1 ${SHA256}`, `3 1 2 ${SHA512}`, `2 0 2 ${SHA512}`])
      expect(tlsaProblems(tlsa(text)), text).toEqual([]);
  });

  it('says PKIX-TA(0) and PKIX-EE(1) are not used for SMTP (RFC 7672 §3.1.3)', () => {
    expect(tlsaProblems(tlsa(`1 1 1 ${SHA256}`))).toEqual(['pkix-usage']);
    expect(tlsaProblems(tlsa(`0 0 1 ${SHA256}`))).toEqual(['pkix-usage']);
  });

  it('refuses unknown usages, selectors and matching types', () => {
    expect(tlsaProblems(tlsa(`4 1 1 ${SHA256}`))).toEqual(['unknown-usage']);
    expect(tlsaProblems(tlsa(`3 2 1 ${SHA256}`))).toEqual(['unknown-selector']);
    expect(tlsaProblems(tlsa(`3 1 3 ${SHA256}`))).toEqual(['unknown-matching-type']);
    expect(tlsaProblems(tlsa(`255 255 255 ${SHA256}`))).toEqual(['unknown-usage', 'unknown-selector', 'unknown-matching-type']);
  });

  it('needs 32 bytes for SHA-256 and 64 for SHA-512', () => {
    expect(tlsaProblems(tlsa(`3 1 1 ${'ab'.repeat(20)}`))).toEqual(['bad-length']);
    expect(tlsaProblems(tlsa(`3 1 1 ${SHA512}`))).toEqual(['bad-length']);
    expect(tlsaProblems(tlsa(`3 1 2 ${SHA256}`))).toEqual(['bad-length']);
    expect(tlsaProblems(tlsa('3 1 1 abc'))).toEqual(['bad-hex']);
    expect(tlsaProblems(tlsa('3 1 1'))).toEqual(['bad-hex']);
    expect(tlsaProblems({ usage: 3, selector: 1, matchingType: 1, data: 'zz'.repeat(32) })).toEqual(['bad-hex']);
  });

  it('takes full data (matching type 0) only when it is one DER structure', () => {
    const spki = `30${(70).toString(16)}${'00'.repeat(70)}`;
    expect(tlsaProblems(tlsa(`3 1 0 ${spki}`))).toEqual([]);
    const long = `3082012c${'00'.repeat(300)}`;
    expect(tlsaProblems(tlsa(`3 0 0 ${long}`))).toEqual([]);
    expect(tlsaProblems(tlsa(`3 1 0 ${SHA256}`))).toEqual(['implausible-data']);
    expect(tlsaProblems(tlsa(`3 1 0 ${spki}00`))).toEqual(['implausible-data']);
  });
});

describe('rolloverReady', () => {
  it('is ready with two DANE-EE records, or DANE-EE beside DANE-TA', () => {
    expect(rolloverReady([tlsa(`3 1 1 ${SHA256}`), tlsa(`3 1 1 ${OTHER256}`)])).toBe(true);
    expect(rolloverReady([tlsa(`3 1 1 ${SHA256}`), tlsa(`2 1 1 ${OTHER256}`)])).toBe(true);
  });

  it('is not with one record, two DANE-TA, or a duplicate (hex case aside)', () => {
    expect(rolloverReady([tlsa(`3 1 1 ${SHA256}`)])).toBe(false);
    expect(rolloverReady([tlsa(`2 1 1 ${SHA256}`), tlsa(`2 1 1 ${OTHER256}`)])).toBe(false);
    expect(rolloverReady([tlsa(`3 1 1 ${SHA256}`), { ...tlsa(`3 1 1 ${SHA256}`), data: SHA256.toUpperCase() }])).toBe(false);
    expect(distinctRecords([tlsa(`3 1 1 ${SHA256}`), tlsa(`3 1 1 ${SHA256}`)])).toHaveLength(1);
  });

  it('counts only usable records', () => {
    expect(rolloverReady([tlsa(`3 1 1 ${SHA256}`), tlsa(`1 1 1 ${OTHER256}`)])).toBe(false);
    expect(rolloverReady([tlsa(`3 1 1 ${SHA256}`), tlsa(`3 1 1 ${'ab'.repeat(20)}`)])).toBe(false);
  });
});

describe("daneStatus (the issue's five statuses)", () => {
  const signed: StatusInputs = { tlsaStatus: 'ok', records: [tlsa(`3 1 1 ${SHA256}`)], tlsaAuthenticated: true, mxAuthenticated: true, hostSigned: true };
  it('valid: authenticated MX and TLSA answers, a usable record', () => {
    expect(daneStatus(signed)).toBe('valid');
    expect(daneStatus({ ...signed, records: [tlsa(`1 1 1 ${SHA256}`), tlsa(`3 1 1 ${SHA256}`)] })).toBe('valid');
  });

  it('insecure: TLSA present but the MX or the TLSA answer not authenticated', () => {
    expect(daneStatus({ ...signed, tlsaAuthenticated: false, hostSigned: false })).toBe('insecure');
    expect(daneStatus({ ...signed, mxAuthenticated: false })).toBe('insecure');
    expect(daneStatus({ ...signed, records: [tlsa(`1 1 1 ${SHA256}`)], mxAuthenticated: false })).toBe('insecure');
  });

  it('unusable: authenticated, but only usages 0/1, unknown values or wrong lengths', () => {
    expect(daneStatus({ ...signed, records: [tlsa(`1 1 1 ${SHA256}`)] })).toBe('unusable');
    expect(daneStatus({ ...signed, records: [tlsa(`3 1 1 ${'ab'.repeat(20)}`), tlsa(`3 9 1 ${SHA256}`)] })).toBe('unusable');
  });

  it('none: NODATA or NXDOMAIN', () => {
    expect(daneStatus({ ...signed, tlsaStatus: 'nodata', records: [] })).toBe('none');
    expect(daneStatus({ ...signed, tlsaStatus: 'nxdomain', records: [] })).toBe('none');
  });

  it('failed: the question failed for a signed host; for an unsigned one senders never ask', () => {
    for (const tlsaStatus of ['servfail', 'refused', 'error'] as const) {
      expect(daneStatus({ ...signed, tlsaStatus, records: [], tlsaAuthenticated: false })).toBe('failed');
      expect(daneStatus({ ...signed, tlsaStatus, records: [], tlsaAuthenticated: false, hostSigned: false })).toBe('none');
    }
  });

  it('has none while pending or skipped', () => {
    expect(daneStatus({ ...signed, tlsaStatus: 'pending' })).toBeUndefined();
    expect(daneStatus({ ...signed, tlsaStatus: 'skipped' })).toBeUndefined();
  });
});

describe('parseTlsaText (RFC 6698 §2.2)', () => {
  it('reads the presentation form, hex in lower case, whitespace in the data removed', () => {
    expect(parseTlsaText(`3 1 1 ${SHA256.slice(0, 10).toUpperCase()} ${SHA256.slice(10)}`)).toEqual({ usage: 3, selector: 1, matchingType: 1, data: SHA256 });
    expect(isUsable(parseTlsaText(`3 1 1 ${SHA256}`)!)).toBe(true);
  });

  it('reads nothing from text that is not a TLSA record', () => {
    for (const text of ['', '3 1', '3 1 x ab', '256 1 1 ab', '<script>', '3 1 1<b>']) expect(parseTlsaText(text), text).toBeUndefined();
  });
});
