import { describe, expect, it } from 'vitest';
import { describeRange, isInternalName, isReachable, rangeKind } from './ranges';
import { testAddress } from './test-report';

describe('ranges', () => {
  it('reads the range as a block or as a kind', () => {
    expect(rangeKind('10.0.0.0/8')).toBe('private');
    expect(rangeKind('fc00::/7')).toBe('unique-local');
    expect(rangeKind('private')).toBe('private');
  });

  it('uses the wording and RFC of the block when it is known', () => {
    expect(describeRange('3fff::/20', 6)).toEqual({ phrase: expect.stringContaining('documentation'), rfc: 'RFC 9637' });
    expect(describeRange('documentation', 4).rfc).toBe('RFC 5737');
    expect(describeRange('documentation', 6).rfc).toBe('RFC 3849');
    expect(describeRange('something-new', 4)).toEqual({ phrase: 'a special-purpose address (something-new, RFC 6890)', rfc: 'RFC 6890' });
  });

  it('counts public, documentation, tunnel and unknown addresses as reachable from the internet', () => {
    for (const range of [undefined, '192.0.2.0/24', 'benchmarking', '2002::/16', 'something-new']) {
      expect(isReachable(testAddress('192.0.2.1', { range })), String(range)).toBe(true);
    }
  });

  it('counts private, loopback and similar addresses as unreachable from the internet', () => {
    for (const range of ['10.0.0.0/8', 'loopback', 'fc00::/7', '100.64.0.0/10', 'cgnat', '0.0.0.0/8', 'fe80::/10', 'multicast']) {
      expect(isReachable(testAddress('10.0.0.1', { range })), range).toBe(false);
    }
  });

  it('counts private addresses as reachable inside an internal network, loopback still not', () => {
    expect(isReachable(testAddress('10.0.0.1', { range: '10.0.0.0/8' }), true)).toBe(true);
    expect(isReachable(testAddress('127.0.0.1', { range: '127.0.0.0/8' }), true)).toBe(false);
  });

  it.each(['corp.internal', 'printer.local', 'nas.home.arpa', 'localhost', 'lan'])('treats %s as an internal name', (name) => {
    expect(isInternalName(name)).toBe(true);
  });

  it.each(['example.com', 'private-mx.test', 'internal.example.com', 'locals.com'])('treats %s as a public name', (name) => {
    expect(isInternalName(name)).toBe(false);
  });
});
