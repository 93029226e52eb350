import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { factsFile, parseFactsFile } from './facts-file';
import { factsOf } from './facts-of';
import { arbitraryReport } from './testing/facts-reports';

describe('parseFactsFile', () => {
  it('reads back what factsFile wrote', () => {
    fc.assert(
      fc.property(fc.array(arbitraryReport, { maxLength: 3 }), (reports) => {
        const file = factsFile(reports.map(factsOf), 1234);
        expect(parseFactsFile(JSON.stringify(file))).toEqual({ ok: true, file });
      }),
      { numRuns: 50 },
    );
  });

  it('refuses what is not a facts file, saying why', () => {
    const good = factsFile([factsOf(fc.sample(arbitraryReport, 1)[0]!)], 1);
    const cases: [string, RegExp][] = [
      ['', /not JSON/],
      ['{"names": []}', /not an MXray facts file/],
      ['[1,2]', /not an MXray facts file/],
      [JSON.stringify({ ...good, version: 99 }), /version 99/],
      [JSON.stringify({ ...good, names: 'x' }), /"names"/],
      [JSON.stringify({ ...good, names: [{ ...good.names[0], mx: [{ host: 'a' }] }] }), /names\[0\]: "mx"/],
      [JSON.stringify({ ...good, names: [{ ...good.names[0], records: { spf: { name: 'x', status: 'ok', records: [1] } } }] }), /"records"/],
      [JSON.stringify({ ...good, names: [null] }), /names\[0\]: .*not an object/],
    ];
    for (const [text, message] of cases) {
      const read = parseFactsFile(text);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error).toMatch(message);
    }
  });
});
