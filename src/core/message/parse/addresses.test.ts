import { describe, expect, it } from 'vitest';
import { addressDomain, fromDomain, returnPath, subjectText } from './addresses';
import { byteString } from './byte-string';
import { readMessage } from './read-message';

const message = (header: string) => readMessage(byteString(`${header}\r\n\r\nbody\r\n`));

describe('fromDomain: the RFC5322.From domain DMARC evaluates', () => {
  it.each([
    ['a bare address', 'alice@example.com'],
    ['a display name and angle brackets', 'Alice Example <alice@example.com>'],
    ['a quoted display name holding "<", "@" and ","', '"Example, Alice <boss@evil.test>" <alice@example.com>'],
    ['a comment', 'alice@example.com (Alice at work)'],
    ['a comment holding another address', 'Alice (sent for bob@other.test) <alice@example.com>'],
    ['a quoted local part', '"alice smith"@example.com'],
    ['upper case', 'Alice <Alice@EXAMPLE.COM>'],
    ['a trailing dot', 'alice@example.com.'],
    ['a group of one', 'Team: alice@example.com;'],
    ['an obsolete source route', '<@relay.example.net:alice@example.com>'],
    ['an encoded-word display name', '=?utf-8?Q?Alice_M=C3=BCller?= <alice@example.com>'],
    ['folding between the parts', 'Alice\r\n <alice@example.com>'],
  ])('reads %s', (_what, from) => {
    expect(fromDomain(message(`From: ${from}`))).toEqual({ domain: 'example.com', problem: null });
  });

  it('turns an internationalised domain into its ASCII form', () => {
    expect(fromDomain(message('From: Jörg <joerg@bücher.de>')).domain).toBe('xn--bcher-kva.de');
  });

  it('has no domain when there are two From fields (RFC 7489 §6.6.1)', () => {
    expect(fromDomain(message('From: a@example.com\r\nFrom: b@example.net'))).toEqual({
      domain: null,
      problem: 'The message has 2 From fields; DMARC cannot say whose it is (RFC 7489 §6.6.1).',
    });
  });

  it('has no domain when the From field holds two mailboxes', () => {
    const result = fromDomain(message('From: a@example.com, "B" <b@example.net>'));
    expect(result.domain).toBeNull();
    expect(result.problem).toContain('2 addresses');
  });

  it('counts the mailboxes of a group', () => {
    expect(fromDomain(message('From: Team: a@example.com, b@example.com;')).problem).toContain('2 addresses');
  });

  it('says so when there is no From field, no address, no domain or an address literal', () => {
    expect(fromDomain(message('Subject: hi')).problem).toContain('no From field');
    expect(fromDomain(message('From: undisclosed-recipients:;')).problem).toContain('holds no address');
    expect(fromDomain(message('From: alice')).problem).toContain('no domain');
    expect(fromDomain(message('From: alice@[192.0.2.1]')).problem).toContain('address literal');
  });

  it('says why a domain that is no domain name cannot be read', () => {
    const result = fromDomain(message('From: alice@exa mple..com'));
    expect(result.domain).toBeNull();
    expect(result.problem).toMatch(/^The From domain cannot be read: /);
  });
});

describe('returnPath: the MAIL FROM the receiver recorded', () => {
  it('reads the address in angle brackets', () => {
    expect(returnPath(message('Return-Path: <bounces+123@mail.example.com>'))).toBe('bounces+123@mail.example.com');
  });

  it('reads the null sender "<>" of a bounce as ""', () => {
    expect(returnPath(message('Return-Path: <>'))).toBe('');
    expect(returnPath(message('Return-Path: < >'))).toBe('');
  });

  it('reads the topmost Return-Path (the final delivery adds it, RFC 5321 §4.4)', () => {
    expect(returnPath(message('Return-Path: <top@example.com>\r\nReturn-Path: <old@example.net>'))).toBe('top@example.com');
  });

  it('reads an address without brackets, and drops an obsolete source route', () => {
    expect(returnPath(message('Return-Path: a@example.com'))).toBe('a@example.com');
    expect(returnPath(message('Return-Path: <@relay.example:a@example.com>'))).toBe('a@example.com');
  });

  it('is null without a Return-Path or without an address', () => {
    expect(returnPath(message('Subject: x'))).toBeNull();
    expect(returnPath(message('Return-Path: nonsense'))).toBeNull();
  });
});

describe('addressDomain', () => {
  it('gives the domain after the last "@", ASCII, lower case', () => {
    expect(addressDomain('Bounce@Mail.Example.COM')).toBe('mail.example.com');
    expect(addressDomain('"a@b"@example.org')).toBe('example.org');
  });

  it('is null without a readable domain name', () => {
    expect(addressDomain('')).toBeNull();
    expect(addressDomain('postmaster')).toBeNull();
    expect(addressDomain('a@[192.0.2.1]')).toBeNull();
    expect(addressDomain('a@not a domain')).toBeNull();
  });
});

describe('subjectText', () => {
  it('decodes encoded-words and UTF-8', () => {
    expect(subjectText(message('Subject: =?utf-8?B?UsOpdW5pb24=?= today'))).toBe('Réunion today');
  });

  it('is null without a Subject', () => {
    expect(subjectText(message('From: a@example.com'))).toBeNull();
  });
});
