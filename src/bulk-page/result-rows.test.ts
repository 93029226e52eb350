import { describe, expect, it } from 'vitest';
import type { BulkResult } from '../core/bulk';
import { NO_PROVIDER, ResultRows } from './result-rows';

const row = (domain: string, provider?: string) => ({ domain, ...(provider ? { provider } : {}) }) as BulkResult;

describe('ResultRows', () => {
  it('keeps rows in the list order whatever order they arrive in, skipping those not checked yet', () => {
    const rows = new ResultRows();
    rows.add([
      [4, row('e.test')],
      [1, row('b.test')],
    ]);
    rows.add([[0, row('a.test')]]);
    expect(rows.list().map((r) => r.domain)).toEqual(['a.test', 'b.test', 'e.test']);
  });

  it('gives the same list until rows are added: a render costs no pass when nothing came', () => {
    const rows = new ResultRows();
    rows.add([[0, row('a.test')]]);
    const first = rows.list();
    expect(rows.list()).toBe(first);
    rows.add([[1, row('b.test')]]);
    expect(rows.list()).not.toBe(first);
  });

  it('counts the providers as rows come, replace and reset', () => {
    const rows = new ResultRows();
    rows.add([
      [0, row('a.test', 'Google')],
      [1, row('b.test')],
      [2, row('c.test', 'Fastmail')],
    ]);
    expect(rows.providers()).toEqual(['(none)', 'Fastmail', 'Google']);
    // Index 2 checked again (a resumed run sends its row anew): its old provider goes.
    rows.add([[2, row('c.test', 'Google')]]);
    expect(rows.providers()).toEqual([NO_PROVIDER, 'Google']);
    rows.reset([[0, row('z.test', 'Proton')]]);
    expect(rows.providers()).toEqual(['Proton']);
    expect(rows.list().map((r) => r.domain)).toEqual(['z.test']);
  });
});
