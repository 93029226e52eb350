import { describe, expect, it } from 'vitest';
import { checkPtrNotHostname } from './ptr-not-hostname';
import { testAddress, testExchange, testReport } from './test-report';

const withPtr = (name: string) =>
  testReport({
    exchanges: [
      testExchange('mx.example.com', { addresses: [testAddress('192.0.2.1', { ptr: [{ name, forward: [], forwardStatus: 'skipped' }], fcrdns: 'fail' })] }),
    ],
  });

describe('checkPtrNotHostname', () => {
  it.each([
    ['mail.moc\u202elapyap.example', 'U+202E'],
    ['mx.tri\u200bck.example', 'U+200B'],
    ['mx\u001b[31m.example', 'U+001B'],
    ['mx_1.example', 'an underscore'],
  ])('says a PTR name that is not a host name (%s) can never pass FCrDNS', (name, why) => {
    const [finding] = checkPtrNotHostname(withPtr(name));
    expect(finding).toMatchObject({ code: 'ptr-invalid-hostname', severity: 'warn', subject: '192.0.2.1' });
    expect(finding!.message).toContain(why);
    expect(finding!.message).toMatch(/It can never pass forward-confirmed reverse DNS/);
  });
  it('leaves host names, IDNs in punycode included, alone', () => {
    expect(checkPtrNotHostname(withPtr('mx.xn--bcher-kva.example'))).toEqual([]);
    expect(checkPtrNotHostname(testReport())).toEqual([]);
  });
});
