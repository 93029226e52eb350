import { describe, expect, it } from 'vitest';
import { runChecks } from '.';
import { checkNolisting, nolistingPrimaries } from './mx-nolisting';
import { testExchange, testReport } from './test-report';

const backup = testExchange('mx.example.com', { preference: 20 });

describe('checkNolisting', () => {
  it('says a first MX without an address looks like nolisting or a broken primary, and how to tell', () => {
    const report = testReport({ exchanges: [testExchange('mx0.example.com', { state: 'no-address' }), backup] });
    const [finding] = checkNolisting(report);
    expect(finding).toMatchObject({ code: 'mx-nolisting', severity: 'warn', subject: 'mx0.example.com', rfc: 'RFC 5321 §5.1' });
    expect(finding!.message).toBe(
      'The first MX, mx0.example.com (preference 10), has no IPv4 or IPv6 address, while mx.example.com (20) answers. ' +
        'This looks like nolisting or like a broken primary. Nolisting is deliberate: spam software that tries only the first MX gives up, ' +
        'while real mail servers move on to the next one (RFC 5321 §5.1), so mail still arrives; but every delivery starts with a failure, ' +
        'some large senders treat it as a temporary error and retry later, so mail can be delayed. ' +
        'To tell them apart: nolisting is a choice the mail admins made and can confirm, and it is usually set up on purpose with a name ' +
        "that is kept; a primary that used to have an address (look at the zone's history, or ask who runs it) or whose name is misspelt " +
        'is broken. If it is not deliberate, give mx0.example.com its A/AAAA record back or remove its MX record.',
    );
  });

  it('words an NXDOMAIN primary, and several primaries', () => {
    const one = testReport({ exchanges: [testExchange('gone.example.com', { state: 'nxdomain' }), backup] });
    expect(checkNolisting(one)[0]!.message).toMatch(/^The first MX, gone\.example\.com \(preference 10\), does not exist \(NXDOMAIN\), while/);
    const two = testReport({
      exchanges: [testExchange('a.example.com', { state: 'nxdomain' }), testExchange('b.example.com', { state: 'no-address' }), backup],
    });
    expect(checkNolisting(two)[0]!.message).toMatch(
      /^The first MX, a\.example\.com and b\.example\.com \(preference 10\), cannot be resolved to an address, .* give a\.example\.com and b\.example\.com their A\/AAAA records back or remove those MX records\.$/,
    );
  });

  it('replaces the generic "does not exist" / "no address" findings for that host', () => {
    const codes = runChecks(testReport({ exchanges: [testExchange('gone.example.com', { state: 'nxdomain' }), backup] })).map((f) => f.code);
    expect(codes).toContain('mx-nolisting');
    expect(codes).not.toContain('mx-host-nxdomain');
  });

  it('is not nolisting when a peer at the first preference works, the backup is broken too, or it is pending', () => {
    expect(
      nolistingPrimaries(testReport({ exchanges: [testExchange('a.example.com', { state: 'no-address' }), testExchange('b.example.com'), backup] })),
    ).toEqual([]);
    expect(
      nolistingPrimaries(
        testReport({
          exchanges: [testExchange('a.example.com', { state: 'no-address' }), testExchange('b.example.com', { preference: 20, state: 'nxdomain' })],
        }),
      ),
    ).toEqual([]);
    expect(
      nolistingPrimaries(
        testReport({
          status: 'running',
          exchanges: [testExchange('a.example.com', { state: 'no-address' }), testExchange('b.example.com', { preference: 20, state: 'pending' })],
        }),
      ),
    ).toEqual([]);
    expect(nolistingPrimaries(testReport({ exchanges: [testExchange('a.example.com', { state: 'no-address' })] }))).toEqual([]);
  });

  it('holds back the generic finding while the backup may still make it nolisting', () => {
    const codes = runChecks(
      testReport({
        status: 'running',
        exchanges: [testExchange('gone.example.com', { state: 'nxdomain' }), testExchange('mx.example.com', { preference: 20, state: 'pending' })],
      }),
    ).map((f) => f.code);
    expect(codes).not.toContain('mx-host-nxdomain');
    expect(codes).not.toContain('mx-nolisting');
  });

  it('leaves the missing-trailing-dot mistake to its own finding', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com.example.com', { state: 'nxdomain' }), backup] });
    expect(checkNolisting(report)).toEqual([]);
  });
});
