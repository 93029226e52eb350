import { describe, expect, it } from 'vitest';
import type { AnswerStatus } from '../../vocabulary';
import type { AskResult } from '../dns-ask';
import { blocklistById, type BlocklistEntry } from './blocklist-table';
import { dnsblName, readDnsblAnswer } from './dnsbl-answer';

const zen = blocklistById('spamhaus-zen')!;
const spamcop = blocklistById('spamcop')!;
const answer = (status: AnswerStatus, values: string[] = []): AskResult => ({
  name: 'x.zen.spamhaus.org',
  type: 'A',
  status,
  values,
  authenticated: false,
  depth: 1,
});
const read = (list: BlocklistEntry, status: AnswerStatus, values: string[] = []) => readDnsblAnswer(list, answer(status, values));

describe('dnsblName', () => {
  it('reverses the octets of an IPv4 address (RFC 5782 §2.1)', () => {
    expect(dnsblName('127.0.0.2', 'zen.spamhaus.org')).toBe('2.0.0.127.zen.spamhaus.org');
    expect(dnsblName('192.0.2.170', 'bl.spamcop.net')).toBe('170.2.0.192.bl.spamcop.net');
  });

  it('reverses the 32 nibbles of an IPv6 address, least significant first (RFC 5782 §2.4)', () => {
    expect(dnsblName('2001:db8::1', 'zen.spamhaus.org')).toBe('1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org');
    expect(dnsblName('2001:DB8:0:0:0:0:0:ABCD', 'dnsbl.dronebl.org')).toBe('d.c.b.a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.dnsbl.dronebl.org');
  });

  it('gives nothing for text that is not an address', () => {
    expect(dnsblName('mx.example.com', 'zen.spamhaus.org')).toBeUndefined();
    expect(dnsblName('192.0.2.256', 'zen.spamhaus.org')).toBeUndefined();
  });
});

describe('readDnsblAnswer', () => {
  it('reads NXDOMAIN, and a name without A record, as not listed', () => {
    expect(read(zen, 'nxdomain').state).toBe('not-listed');
    expect(read(zen, 'nodata').state).toBe('not-listed');
  });

  it('reads an A record in 127.0.0.0/8 as listed, with what the code means', () => {
    const reading = read(zen, 'ok', ['127.0.0.4', '127.0.0.2']);
    expect(reading).toMatchObject({ state: 'listed', codes: ['127.0.0.2', '127.0.0.4'], labels: ['SBL', 'XBL'], severity: 'error' });
    expect(reading.meanings[0]).toContain('spam');
    expect(reading.meanings[1]).toContain('hijacked or infected host');
  });

  it('makes a Spamhaus PBL listing a warning: a policy, not a fault', () => {
    const reading = read(zen, 'ok', ['127.0.0.10']);
    expect(reading).toMatchObject({ state: 'listed', labels: ['PBL'], severity: 'warn' });
    expect(reading.meanings[0]).toContain('should not send mail straight to other servers');
    expect(read(zen, 'ok', ['127.0.0.10', '127.0.0.2']).severity).toBe('error');
  });

  it('reads a code the list does not document as listed, saying so', () => {
    const reading = read(spamcop, 'ok', ['127.0.0.99']);
    expect(reading).toMatchObject({ state: 'listed', labels: [], severity: 'error' });
    expect(reading.meanings[0]).toBe('SpamCop lists this address (code 127.0.0.99, which MXray has no description for)');
  });

  it('reads 127.255.255.254 as "refused: public resolver", never as listed', () => {
    const reading = read(zen, 'ok', ['127.255.255.254']);
    expect(reading).toMatchObject({ state: 'refused', codes: ['127.255.255.254'], meanings: ['the query came through a public or open resolver'] });
    expect(reading.severity).toBeUndefined();
    expect(read(zen, 'ok', ['127.255.255.255']).meanings).toEqual(['the resolver sent Spamhaus too many queries']);
    expect(read(zen, 'ok', ['127.255.255.252']).meanings).toEqual(['the query was malformed']);
  });

  it('reads 127.255.255.x from any list as a refusal, even mixed with a code', () => {
    expect(read(spamcop, 'ok', ['127.255.255.1']).state).toBe('refused');
    expect(read(spamcop, 'ok', ['127.255.255.1']).meanings[0]).toContain('error code, not a listing');
    expect(read(zen, 'ok', ['127.0.0.2', '127.255.255.254']).state).toBe('refused');
  });

  it('reads an answer outside 127.0.0.0/8 as a broken or wildcarding list, not a listing', () => {
    expect(read(spamcop, 'ok', ['192.0.2.99'])).toMatchObject({ state: 'bad-answer', codes: ['192.0.2.99'] });
    expect(read(spamcop, 'ok', ['127.0.0.2', '198.51.100.1'])).toMatchObject({ state: 'bad-answer', codes: ['198.51.100.1'] });
    expect(read(spamcop, 'ok', ['not an address', '<b>'])).toMatchObject({ state: 'bad-answer' });
  });

  it('reads SERVFAIL, REFUSED and a failed resolver as errors, keeping why', () => {
    expect(read(zen, 'servfail')).toMatchObject({ state: 'error', status: 'servfail' });
    expect(read(zen, 'refused')).toMatchObject({ state: 'error', status: 'refused' });
    const failed = readDnsblAnswer(zen, { ...answer('error'), error: { code: 'resolver-timeout', message: 'timed out' } });
    expect(failed).toMatchObject({ state: 'error', status: 'error', error: { code: 'resolver-timeout' } });
  });

  it('lists each code once, in numeric order', () => {
    expect(read(zen, 'ok', ['127.0.0.10', '127.0.0.2', '127.0.0.2', '127.0.0.11']).codes).toEqual(['127.0.0.2', '127.0.0.10', '127.0.0.11']);
  });
});
