import { describe, expect, it } from 'vitest';
import { byteString } from '../parse/byte-string';
import { readMessage } from '../parse/read-message';
import { arcAuthResults, receiverClaims } from './receiver-claims';

const message = (...fields: string[]) => readMessage(byteString(`${fields.join('\r\n')}\r\nFrom: a@example.com\r\n\r\n`));

describe('receiverClaims: what the receiving side said', () => {
  it("reads the topmost Authentication-Results, the receiver's own", () => {
    const claims = receiverClaims(
      message(
        'Authentication-Results: mx.example.net; dkim=pass header.d=example.com header.i=@example.com; spf=softfail smtp.mailfrom=a@example.com smtp.helo=mail.example.com; dmarc=pass header.from=example.com',
        'Authentication-Results: relay.example.org; dkim=fail; spf=pass; dmarc=fail',
      ),
    );
    expect(claims).toEqual({
      dkim: 'pass',
      spf: 'softfail',
      dmarc: 'pass',
      authservId: 'mx.example.net',
      source: 'Authentication-Results',
      properties: {
        'smtp.mailfrom': 'a@example.com',
        'smtp.helo': 'mail.example.com',
        'header.from': 'example.com',
        'header.d': 'example.com',
        'header.i': '@example.com',
      },
    });
  });

  it('prefers a passing DKIM result, and takes its properties', () => {
    const claims = receiverClaims(message('Authentication-Results: mx.example.net; dkim=fail header.d=example.com; dkim=pass header.d=esp.example'));
    expect(claims.dkim).toBe('pass');
    expect(claims.properties['header.d']).toBe('esp.example');
  });

  it('takes the first DKIM result when none passed', () => {
    expect(receiverClaims(message('Authentication-Results: mx; dkim=neutral; dkim=fail')).dkim).toBe('neutral');
  });

  it('reads "none" as no claims', () => {
    expect(receiverClaims(message('Authentication-Results: mx.example.net; none'))).toMatchObject({
      dkim: null,
      spf: null,
      dmarc: null,
      authservId: 'mx.example.net',
    });
  });

  it('fills SPF from Received-SPF when Authentication-Results has none', () => {
    const claims = receiverClaims(
      message(
        'Authentication-Results: mx.example.net; dkim=pass header.d=example.com',
        'Received-SPF: fail (mx.example.net: domain of a@example.com does not designate 192.0.2.1) client-ip=192.0.2.1; envelope-from=a@example.com; helo=h.example.com',
      ),
    );
    expect(claims).toMatchObject({ dkim: 'pass', spf: 'fail', source: 'Authentication-Results' });
    expect(claims.properties).toMatchObject({ 'smtp.mailfrom': 'a@example.com', 'smtp.helo': 'h.example.com', 'smtp.remote-ip': '192.0.2.1' });
  });

  it('reads Received-SPF alone', () => {
    expect(receiverClaims(message('Received-SPF: pass client-ip=192.0.2.1'))).toMatchObject({ spf: 'pass', dkim: null, source: 'Received-SPF' });
  });

  it('falls back to the highest ARC-Authentication-Results instance', () => {
    const claims = receiverClaims(
      message(
        'ARC-Authentication-Results: i=2; lists.example.org; dkim=fail; spf=pass; dmarc=fail',
        'ARC-Authentication-Results: i=1; mx.example.com; dkim=pass; spf=pass; dmarc=pass',
      ),
    );
    expect(claims).toMatchObject({ dkim: 'fail', dmarc: 'fail', authservId: 'lists.example.org', source: 'ARC-Authentication-Results i=2' });
  });

  it('has no claims without any of these fields', () => {
    expect(receiverClaims(message('Subject: hi'))).toEqual({ dkim: null, spf: null, dmarc: null, authservId: null, source: null, properties: {} });
  });
});

describe('arcAuthResults', () => {
  it('reads each ARC set by instance, the topmost field of an instance counting', () => {
    const sets = arcAuthResults(
      message(
        'ARC-Authentication-Results: i=2; b.example; dkim=fail',
        'ARC-Authentication-Results: i=1; a.example; dkim=pass',
        'ARC-Authentication-Results: i=1; forged.example; dkim=fail',
        'ARC-Authentication-Results: i=99; x; dkim=pass',
      ),
    );
    expect([...sets.keys()]).toEqual([2, 1]);
    expect(sets.get(1)).toMatchObject({ dkim: 'pass', authservId: 'a.example', source: 'ARC-Authentication-Results i=1' });
  });

  it('reads at most 50 fields', () => {
    const fields = Array.from({ length: 80 }, (_, index) => `ARC-Authentication-Results: i=${(index % 50) + 1}; x${index}.example; dkim=pass`);
    expect(arcAuthResults(message(...fields.reverse())).size).toBe(50);
  });
});
