import { expect, it } from 'vitest';
import { fiveMxReport } from '../testing/sample-reports';
import { formatJson } from './json-text';

it('copies the Report itself as JSON, readable back into the same Report', () => {
  const report = fiveMxReport();
  const text = formatJson(report);
  expect(JSON.parse(text)).toEqual(report);
  expect(text).toMatch(/^\{\n {2}"version": 2,/);
});
