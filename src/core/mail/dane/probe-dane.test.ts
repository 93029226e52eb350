import { describe, expect, it } from 'vitest';
import { fakeAsk } from '../testing/fake-ask';
import { fakeHandoff, probeFake } from './fake-dane';
import { newDaneSection, probeDane } from './probe-dane';

const SHA256 = 'ab'.repeat(32);
const TA256 = 'cd'.repeat(32);

describe('probeDane (RFC 7672 §3)', () => {
  it('asks _25._tcp.<host> TLSA once per MX host and keeps the records as presented', async () => {
    const { section, asked } = await probeFake(
      [
        { name: 'mx1.example.com', signed: true },
        { name: 'mx2.example.com', signed: true },
      ],
      {
        mxSigned: true,
        signed: ['example.com'],
        records: { '_25._tcp.mx1.example.com TLSA': [`3 1 1 ${SHA256}`, `2 1 1 ${TA256.toUpperCase()}`], 'mx2.example.com A': ['192.0.2.1'] },
      },
    );
    expect(asked).toEqual(['_25._tcp.mx1.example.com TLSA', '_25._tcp.mx2.example.com TLSA']);
    expect(section.status).toBe('done');
    expect(section.hosts).toEqual([
      {
        host: 'mx1.example.com',
        status: 'valid',
        // In the canonical order of RFC 4034 §6.3, whatever order the answer had.
        records: [
          { usage: 2, selector: 1, matchingType: 1, data: TA256 },
          { usage: 3, selector: 1, matchingType: 1, data: SHA256 },
        ],
        rollover: true,
      },
      { host: 'mx2.example.com', status: 'none', records: [], rollover: false },
    ]);
    expect(section.lookups[0]).toEqual({
      host: 'mx1.example.com',
      base: 'mx1.example.com',
      tlsaStatus: 'ok',
      tlsaAuthenticated: true,
      mxAuthenticated: true,
      hostSigned: true,
    });
  });

  it('reads TLSA served without DNSSEC, or behind an unvalidated MX answer, as insecure', async () => {
    const records = { '_25._tcp.mx.example.net TLSA': [`3 1 1 ${SHA256}`] };
    const unsignedHost = await probeFake([{ name: 'mx.example.net' }], { mxSigned: true, signed: [], records });
    expect(unsignedHost.section.hosts[0]).toMatchObject({ status: 'insecure', rollover: false });
    const unsignedMx = await probeFake([{ name: 'mx.example.net', signed: true }], { mxSigned: false, signed: ['example.net'], records });
    expect(unsignedMx.section.hosts[0]).toMatchObject({ status: 'insecure' });
  });

  it('fails a signed host whose TLSA question fails; an unsigned one has none', async () => {
    const records = { '_25._tcp.mx.example.com TLSA': 'servfail' as const };
    expect((await probeFake([{ name: 'mx.example.com', signed: true }], { mxSigned: true, signed: ['example.com'], records })).section.hosts[0]!.status).toBe(
      'failed',
    );
    expect((await probeFake([{ name: 'mx.example.com' }], { mxSigned: true, signed: [], records })).section.hosts[0]!.status).toBe('none');
  });

  describe('a host that is an alias (RFC 7672 §2.2.3)', () => {
    const alias = { name: 'mail.example.com', cname: ['mx.provider.example'], signed: true };

    it('asks at the end of a validated chain first', async () => {
      const { section, asked } = await probeFake([alias], {
        mxSigned: true,
        signed: ['example.com', 'provider.example'],
        records: { '_25._tcp.mx.provider.example TLSA': [`3 1 1 ${SHA256}`] },
      });
      expect(asked).toEqual(['_25._tcp.mx.provider.example TLSA']);
      expect(section.lookups[0]!.base).toBe('mx.provider.example');
      expect(section.hosts[0]).toMatchObject({ host: 'mail.example.com', status: 'valid' });
    });

    it('then at the name the MX record gives, when the target has none', async () => {
      const { section, asked } = await probeFake([alias], {
        mxSigned: true,
        signed: ['example.com', 'provider.example'],
        records: { '_25._tcp.mail.example.com TLSA': [`3 1 1 ${SHA256}`], 'mx.provider.example A': ['192.0.2.1'] },
      });
      expect(asked).toEqual(['_25._tcp.mx.provider.example TLSA', '_25._tcp.mail.example.com TLSA']);
      expect(section.lookups[0]!.base).toBe('mail.example.com');
      expect(section.hosts[0]!.status).toBe('valid');
    });

    it('only at the name the MX record gives when the chain is not validated', async () => {
      const { asked } = await probeFake([{ ...alias, signed: false }], { mxSigned: true, signed: [], records: {} });
      expect(asked).toEqual(['_25._tcp.mail.example.com TLSA']);
    });
  });

  it('counts its questions from the MX answer, never rejects, and asks nothing once aborted', async () => {
    const depths: number[] = [];
    const fake = fakeAsk({});
    const section = newDaneSection();
    await probeDane(section, {
      context: {
        domain: 'example.com',
        ask: (name, type, after) => {
          depths.push(after?.depth ?? -1);
          return Promise.reject(new Error('boom'));
        },
      },
      exchanges: Promise.resolve(fakeHandoff([{ name: 'mx.example.com', signed: true }], true)),
    });
    expect(depths).toEqual([1]);
    expect(section.hosts).toEqual([{ host: 'mx.example.com', status: 'failed', records: [], rollover: false }]);
    const controller = new AbortController();
    controller.abort();
    const aborted = newDaneSection();
    await probeDane(aborted, {
      context: { domain: 'example.com', ask: fake.ask, signal: controller.signal },
      exchanges: Promise.resolve(fakeHandoff([{ name: 'mx.example.com' }], true)),
    });
    expect(fake.asked).toEqual([]);
    expect(aborted).toMatchObject({ status: 'done', hosts: [], lookups: [] });
    const later = new AbortController();
    const waiting = newDaneSection();
    const probing = probeDane(waiting, { context: { domain: 'example.com', ask: fake.ask, signal: later.signal }, exchanges: new Promise(() => undefined) });
    later.abort();
    await probing;
    expect(waiting.status).toBe('done');
  });

  it('has nothing to ask for a null MX or a domain without mail hosts', async () => {
    const section = newDaneSection();
    await probeDane(section, { context: { domain: 'example.com', ask: fakeAsk({}).ask }, exchanges: Promise.resolve(fakeHandoff([], true)) });
    expect(section).toEqual({ status: 'done', hosts: [], lookups: [] });
  });
});
