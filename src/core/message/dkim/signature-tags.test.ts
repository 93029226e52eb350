import { describe, expect, it } from 'vitest';
import { readSignatureTags } from './signature-tags';

const GOOD = 'v=1; a=rsa-sha256; c=relaxed/simple; d=Example.COM; s=sel; t=100; x=200; l=42; h=From:To : Subject; bh=YWJj; b=YW Jj\r\n ZA==';

describe('readSignatureTags', () => {
  it('reads a DKIM-Signature into typed tags, folding white space removed from b= and bh=', () => {
    const { tags, errors } = readSignatureTags(GOOD);
    expect(errors).toEqual([]);
    expect(tags).toMatchObject({
      version: '1',
      algorithm: 'rsa-sha256',
      signature: 'YWJjZA==',
      bodyHash: 'YWJj',
      headerCanon: 'relaxed',
      bodyCanon: 'simple',
      domain: 'example.com',
      selector: 'sel',
      signedHeaders: ['From', 'To', 'Subject'],
      identity: '@example.com',
      bodyLength: 42,
      signedAt: 100,
      expiresAt: 200,
    });
  });

  it('defaults c= to simple/simple and a lone header mode to a simple body (RFC 6376 §3.5)', () => {
    expect(readSignatureTags(GOOD.replace('c=relaxed/simple', 'c=relaxed')).tags.bodyCanon).toBe('simple');
    expect(readSignatureTags(GOOD.replace('c=relaxed/simple; ', '')).tags.headerCanon).toBe('simple');
  });

  it('names the required tags that are missing', () => {
    expect(readSignatureTags('v=1; a=rsa-sha256; h=from').errors.join(' ')).toMatch(/missing: b=, bh=, d=, s=/);
  });

  it('refuses v= other than 1', () => {
    expect(readSignatureTags(GOOD.replace('v=1', 'v=2')).errors.join(' ')).toMatch(/v="2" is not 1/);
  });

  it('refuses duplicate tags (RFC 6376 §3.2)', () => {
    expect(readSignatureTags(`${GOOD}; d=other.example`).errors.join(' ')).toMatch(/d= appears more than once/);
  });

  it('refuses an i= that is not at or below d= (RFC 6376 §6.1.1)', () => {
    expect(readSignatureTags(`${GOOD}; i=joe@example.net`).errors.join(' ')).toMatch(/not at or below d=example.com/);
    expect(readSignatureTags(`${GOOD}; i=joe@mail.example.com`).errors).toEqual([]);
    expect(readSignatureTags(`${GOOD}; i=joe@badexample.com`).errors.join(' ')).toMatch(/not at or below/);
  });

  it('refuses an h= without From (RFC 6376 §5.4)', () => {
    expect(readSignatureTags(GOOD.replace('h=From:To', 'h=To')).errors.join(' ')).toMatch(/does not include From/);
  });

  it('refuses x= before t=', () => {
    expect(readSignatureTags(GOOD.replace('x=200', 'x=50')).errors.join(' ')).toMatch(/x= \(expiry\) is before t=/);
  });

  it('refuses garbage and bad base64 with sentences', () => {
    const { errors } = readSignatureTags(`${GOOD}; this is garbage; bh=!!`);
    expect(errors.join(' ')).toMatch(/"this is garbage" is not a tag=value pair/);
    expect(readSignatureTags(GOOD.replace('b=YW Jj\r\n ZA==', 'b=***')).errors.join(' ')).toMatch(/b= is not valid base64/);
  });

  it('caps a hostile value before reading it', () => {
    const { errors } = readSignatureTags(`${GOOD}; z=${'a'.repeat(100_000)}`);
    expect(errors[0]).toMatch(/at most 16384/);
  });

  it('reads ARC tags: i= as the instance, cv=, no h= on a seal (RFC 8617 §4.1.3)', () => {
    const seal = readSignatureTags('i=2; a=rsa-sha256; cv=Pass; d=example.org; s=arc; t=1; b=YWJj', 'arc-seal');
    expect(seal.errors).toEqual([]);
    expect(seal.tags).toMatchObject({ instance: 2, chainValidation: 'pass', identity: null });
    const bad = readSignatureTags('i=51; a=rsa-sha256; cv=none; d=example.org; s=arc; b=YWJj; h=from', 'arc-seal').errors.join(' ');
    expect(bad).toMatch(/must not have an h= tag/);
    expect(bad).toMatch(/not an ARC instance/);
  });
});
