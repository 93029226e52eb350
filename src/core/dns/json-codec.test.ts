import { describe, expect, it } from 'vitest';
import { decodeJsonMessage } from './json-codec';
import { parseTxt } from './record-types/txt';

describe('DoH JSON API', () => {
  it('reads a Google-style MX answer', () => {
    const message = decodeJsonMessage({
      Status: 0,
      TC: false,
      RD: true,
      RA: true,
      AD: true,
      CD: false,
      Question: [{ name: 'example.com.', type: 15 }],
      Answer: [{ name: 'example.com.', type: 15, TTL: 300, data: '10 mx.example.com.' }],
    });
    expect(message.rcode).toBe('NOERROR');
    expect(message.flags.ad).toBe(true);
    expect(message.questions).toEqual([{ name: 'example.com', type: 'MX' }]);
    expect(message.answers).toEqual([{ name: 'example.com', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } }]);
  });

  it('reads the null MX "0 ." with an empty exchange', () => {
    const message = decodeJsonMessage({ Status: 0, Answer: [{ name: 'x.', type: 15, TTL: 1, data: '0 .' }] });
    expect(message.answers[0]).toMatchObject({ data: { preference: 0, exchange: '' } });
  });

  it('maps Status 3 to NXDOMAIN and reads the SOA for negative caching', () => {
    const message = decodeJsonMessage({ Status: 3, Authority: [{ name: 'test.', type: 6, TTL: 300, data: 'ns.test. h.test. 1 2 3 4 60' }] });
    expect(message.rcode).toBe('NXDOMAIN');
    expect(message.authorities[0]).toMatchObject({ type: 'SOA', data: { minimum: 60 } });
  });

  it('reads TXT quoted (Cloudflare) and unquoted (Google)', () => {
    expect(parseTxt('"v=spf1 " "-all"')).toEqual(['v=spf1 ', '-all']);
    expect(parseTxt('"say \\"hi\\" \\043"')).toEqual(['say "hi" +']);
    expect(parseTxt('v=spf1 -all')).toEqual(['v=spf1 -all']);
    expect(parseTxt('"<script>alert(1)</script>"')).toEqual(['<script>alert(1)</script>']);
  });

  it('rejects what is not a DoH JSON answer', () => {
    expect(() => decodeJsonMessage('<html>')).toThrow();
    expect(() => decodeJsonMessage({ Answer: [] })).toThrow(/Status/);
    expect(() => decodeJsonMessage({ Status: 0, Answer: [{ name: 'x.', type: 15, data: 'nonsense' }] })).toThrow(/MX/);
    expect(() => decodeJsonMessage({ Status: 0, Answer: 'x' })).toThrow();
  });
});
