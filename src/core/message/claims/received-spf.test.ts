import { describe, expect, it } from 'vitest';
import { parseReceivedSpf } from './received-spf';

describe('parseReceivedSpf (RFC 7208 §9.1)', () => {
  it('reads the result, the comment and the key-value pairs', () => {
    expect(
      parseReceivedSpf(
        'pass (mx.example.net: domain of a@example.com designates 192.0.2.1 as permitted sender) receiver=mx.example.net; client-ip=192.0.2.1; envelope-from="a@example.com"; helo=mail.example.com; identity=mailfrom; mechanism="ip4:192.0.2.0/24";',
      ),
    ).toEqual({
      result: 'pass',
      comment: 'mx.example.net: domain of a@example.com designates 192.0.2.1 as permitted sender',
      pairs: {
        receiver: 'mx.example.net',
        'client-ip': '192.0.2.1',
        'envelope-from': 'a@example.com',
        helo: 'mail.example.com',
        identity: 'mailfrom',
        mechanism: 'ip4:192.0.2.0/24',
      },
    });
  });

  it("reads Microsoft 365's capitalised result word", () => {
    const parsed = parseReceivedSpf(
      'Pass (protection.outlook.com: domain of example.com designates 203.0.113.9 as permitted sender) receiver=protection.outlook.com; client-ip=203.0.113.9; helo=mail.example.com; pr=C',
    );
    expect(parsed.result).toBe('pass');
    expect(parsed.pairs['client-ip']).toBe('203.0.113.9');
    expect(parsed.pairs['pr']).toBe('C');
  });

  it('reads a result without a comment, and problem=', () => {
    expect(parseReceivedSpf('permerror problem="too many DNS lookups"; client-ip=2001:db8::1')).toEqual({
      result: 'permerror',
      comment: null,
      pairs: { problem: 'too many DNS lookups', 'client-ip': '2001:db8::1' },
    });
  });

  it('keeps the first of a repeated key, and reads keys in any case', () => {
    expect(parseReceivedSpf('fail Client-IP=192.0.2.1; client-ip=192.0.2.2').pairs).toEqual({ 'client-ip': '192.0.2.1' });
  });

  it('reads garbage to nothing', () => {
    expect(parseReceivedSpf('')).toEqual({ result: null, comment: null, pairs: {} });
    expect(parseReceivedSpf('= = ; ;').result).toBeNull();
  });
});
