import { describe, expect, it } from 'vitest';
import { ipReport, nullExchange, testReport } from '../../core/routing-checks/test-report';
import { fiveMxReport, withFindings } from '../testing/sample-reports';
import { formatPlainText } from './plain-text';

describe('formatPlainText', () => {
  it('writes five-mx.test as an aligned table, then SPF/DMARC, findings and the footer', () => {
    expect(formatPlainText(fiveMxReport())).toBe(
      [
        'Mail servers for five-mx.test',
        '',
        'Preference          Mail server       Address       Reverse DNS (PTR)  FCrDNS  TTL',
        '10 (load balanced)  mx1.five-mx.test  192.0.2.11    mx1.five-mx.test   pass    300',
        '                                      2001:db8::11  mx1.five-mx.test   pass    300',
        '10                  mx2.five-mx.test  192.0.2.12    mx2.five-mx.test   pass    300',
        '                                      2001:db8::12  mx2.five-mx.test   pass    300',
        '20                  mx3.five-mx.test  192.0.2.13    mx3.five-mx.test   pass    300',
        '                                      2001:db8::13  mx3.five-mx.test   pass    300',
        '30                  mx4.five-mx.test  192.0.2.14    mx4.five-mx.test   pass    300',
        '40                  mx5.five-mx.test  192.0.2.15    mx5.five-mx.test   pass    300',
        '',
        'SPF:   v=spf1 mx -all',
        'DMARC: v=DMARC1; p=quarantine; rua=mailto:d@five-mx.test',
        '',
        'Findings:',
        '- Info: mx1.five-mx.test and mx2.five-mx.test share preference 10: senders pick one at random (load balancing). (RFC 5321 §5.1)',
        '- OK: Mail for five-mx.test has somewhere to go.',
        '',
        'via Cloudflare · 42 ms · 4 round trips · 23 requests',
      ].join('\n'),
    );
  });

  it('says why a server has no address', () => {
    const text = formatPlainText(withFindings(testReport({ query: { name: 'null-mx.test' }, nullMx: true, exchanges: [nullExchange()] })));
    expect(text).toMatch(/^0 +\. +null MX: accepts no mail/m);
    expect(text).toContain('SPF:   none');
  });

  it('writes an IP query as its reverse DNS', () => {
    const text = formatPlainText(withFindings(ipReport('192.0.2.25')));
    expect(text).toMatch(/^Reverse DNS for 192\.0\.2\.25$/m);
    expect(text).toMatch(/^192\.0\.2\.25 +host25\.test +192\.0\.2\.25 +pass$/m);
    expect(text).not.toContain('SPF');
  });

  it('never passes control characters on to the clipboard', () => {
    const report = withFindings(testReport({ txt: { records: [], status: 'ok', spf: ['v=spf1\u001b[31m -all'], dmarc: [], dmarcStatus: 'nodata' } }));
    expect(formatPlainText(report)).toContain('SPF:   v=spf1\\u001b[31m -all');
  });

  it('states the fallback in words', () => {
    const report = withFindings(
      testReport({
        answeredBy: ['google'],
        resolverEvents: [{ resolver: 'Cloudflare', next: 'Google', error: { code: 'resolver-timeout', message: 'Cloudflare did not answer within 4000 ms.' } }],
      }),
    );
    expect(formatPlainText(report)).toMatch(/via Google · .*\nCloudflare did not answer; Google answered$/);
  });
});

describe('formatPlainText with the mail setup', () => {
  it('lists each section’s findings after the routing findings, DNS text made visible', () => {
    const report = fiveMxReport();
    report.mail = {
      findings: {
        spf: [{ code: 'spf-plus-all', severity: 'error', message: 'SPF of x ends in "+all"\u0007.', rfc: 'RFC 7208 §5.1' }],
        dkim: [{ code: 'dkim-none-found', severity: 'info', message: 'No DKIM key found.' }],
        tlsRpt: [],
      },
    } as unknown as NonNullable<typeof report.mail>;
    const text = formatPlainText(report);
    expect(text).toContain('Mail setup:\n- SPF: Error: SPF of x ends in "+all"\\u0007. (RFC 7208 §5.1)\n- DKIM: Info: No DKIM key found.\n');
    expect(text.indexOf('Mail setup:')).toBeGreaterThan(text.indexOf('Findings:'));
  });
});
