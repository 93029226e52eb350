import { describe, expect, it } from 'vitest';
import { checkIdnNames } from './idn-names';
import { testExchange, testQuery, testReport } from './test-report';

describe('checkIdnNames', () => {
  it('warns about a queried name that mixes Latin and Cyrillic (pаypal.com), typed or in punycode', () => {
    const report = testReport({ query: testQuery('xn--pypal-4ve.com', { display: 'p\u0430ypal.com' }) });
    const [finding] = checkIdnNames(report);
    expect(finding).toMatchObject({ code: 'idn-mixed-scripts', severity: 'warn', subject: 'xn--pypal-4ve.com' });
    expect(finding!.message).toBe(
      'The domain p\u0430ypal.com (xn--pypal-4ve.com) mixes Latin and Cyrillic letters in one label, a common way to imitate another name (UTS #39). It reads as paypal.com, which is a different name. Check that this is the name you meant before trusting it.',
    );
  });
  it('warns about a whole-script look-alike (all-Cyrillic "асе" reads as ace)', () => {
    const [finding] = checkIdnNames(testReport({ query: testQuery('xn--80ak9a.com') }));
    expect(finding).toMatchObject({ code: 'idn-confusable' });
    expect(finding!.message).toContain('It reads as ace.com');
  });
  it('names MX labels that are not valid U-labels, which stay A-labels', () => {
    const report = testReport({ exchanges: [testExchange('mx.xn--zug.example.com'), testExchange('mx.xn--agpj-vd7a.example.com')] });
    const findings = checkIdnNames(report);
    expect(findings.map((f) => f.code)).toEqual(['idn-invalid-label', 'idn-invalid-label']);
    expect(findings[0]!.message).toContain('xn--zug (it holds U+200B');
    expect(findings[1]!.message).toContain('xn--agpj-vd7a (it holds U+202E');
  });
  it('leaves ordinary IDNs (bücher, 例え.jp with Han and Hiragana) and ASCII names alone', () => {
    expect(checkIdnNames(testReport({ query: testQuery('xn--bcher-kva.de') }))).toEqual([]);
    expect(checkIdnNames(testReport({ query: testQuery('xn--r8jz45g.jp') }))).toEqual([]);
    expect(checkIdnNames(testReport())).toEqual([]);
  });
});
