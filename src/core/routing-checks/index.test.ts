import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, runChecks, SUMMARY_CHECK } from './index';
import type { NamedCheck } from './check';
import { nullExchange, testAddress, testExchange, testReport } from './test-report';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const check = (name: string, ...findings: { code: string; severity: 'ok' | 'info' | 'warn' | 'error' }[]): NamedCheck => ({
  name,
  run: () => findings.map((f) => ({ ...f, message: f.code })),
});

describe('ALL_CHECKS', () => {
  it('has unique kebab-case names, each the name of its file', () => {
    const names = [...ALL_CHECKS, SUMMARY_CHECK].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(existsSync(fileURLToPath(new URL(`./${name}.ts`, import.meta.url))), `${name}.ts`).toBe(true);
      expect(existsSync(fileURLToPath(new URL(`./${name}.test.ts`, import.meta.url))), `${name}.test.ts`).toBe(true);
    }
  });
});

describe('runChecks', () => {
  it('sorts findings by severity (error, warn, info, ok), keeping check order within a severity', () => {
    const checks = [
      check('a', { code: 'a-info', severity: 'info' }, { code: 'a-warn', severity: 'warn' }),
      check('b', { code: 'b-warn', severity: 'warn' }, { code: 'b-error', severity: 'error' }),
      check('c', { code: 'c-info', severity: 'info' }),
    ];
    expect(runChecks(testReport(), checks).map((f) => f.code)).toEqual(['b-error', 'a-warn', 'b-warn', 'a-info', 'c-info']);
  });

  it('turns a check that throws into an internal-error finding and still runs the others', () => {
    const broken: NamedCheck = {
      name: 'broken-check',
      run: () => {
        throw new TypeError('boom');
      },
    };
    const findings = runChecks(testReport(), [check('before', { code: 'x', severity: 'info' }), broken, check('after', { code: 'y', severity: 'info' })]);
    expect(findings.map((f) => f.code)).toEqual(['internal-error', 'x', 'y']);
    expect(findings[0]).toMatchObject({ severity: 'warn', subject: 'broken-check' });
    expect(findings[0]!.message).toContain('"broken-check" check failed (TypeError: boom)');
  });

  it('withholds the "all good" summary when a check failed', () => {
    const broken: NamedCheck = {
      name: 'broken',
      run: () => {
        throw new Error('x');
      },
    };
    expect(runChecks(testReport(), [broken]).map((f) => f.code)).toEqual(['internal-error']);
  });

  it('adds the "all good" summary only when no check found an error', () => {
    expect(runChecks(testReport(), [check('fine', { code: 'note', severity: 'warn' })]).map((f) => f.code)).toEqual(['note', 'mail-ok']);
    expect(runChecks(testReport(), [check('bad', { code: 'bad', severity: 'error' })]).map((f) => f.code)).toEqual(['bad']);
  });

  it('gives a healthy two-MX domain only notes and the summary', () => {
    const report = testReport({ exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com', { preference: 20 })] });
    expect(runChecks(report).map((f) => f.code)).toEqual(['mail-ok']);
  });

  it('gives a broken domain its errors first and no summary', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com.example.com', { state: 'nxdomain' })] });
    expect(runChecks(report).map((f) => [f.code, f.severity])).toEqual([
      ['no-usable-mx', 'error'],
      ['mx-host-nxdomain', 'error'],
      ['mx-missing-trailing-dot', 'error'],
    ]);
  });

  it('reports a null MX mixed with a working host without calling it healthy', () => {
    const report = testReport({ exchanges: [nullExchange(), testExchange('mx.example.com', { preference: 10 })] });
    const codes = runChecks(report).map((f) => f.code);
    expect(codes[0]).toBe('null-mx-mixed');
    expect(codes).not.toContain('mail-ok');
  });

  it('finds a missing PTR only once the PTR answer is in', () => {
    const pending = testReport({
      status: 'running',
      exchanges: [testExchange('mx.example.com', { addresses: [testAddress('192.0.2.60', { ptrStatus: 'pending', ptr: [], fcrdns: 'pending' })] })],
    });
    const done = testReport({
      exchanges: [testExchange('mx.example.com', { addresses: [testAddress('192.0.2.60', { ptrStatus: 'nxdomain', ptr: [], fcrdns: 'none' })] })],
    });
    expect(runChecks(pending).map((f) => f.code)).not.toContain('missing-ptr');
    expect(runChecks(done).map((f) => f.code)).toContain('missing-ptr');
  });
});
