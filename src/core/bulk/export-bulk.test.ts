import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressesCsv, bulkJson, domainsCsv, neutraliseCell, undeliverableText } from './export-bulk';
import { extractEntries } from './extract-entries';
import type { BulkResult } from './types';

const input = extractEntries('ann@bücher.test\n=cmd@evil.test\nbob@gone.test\ngone.test\nfail.test\njunk line\n');
const results: BulkResult[] = [
  {
    domain: 'xn--bcher-kva.test',
    display: 'bücher.test',
    addresses: 1,
    verdict: 'accepts',
    verdictText: 'accepts mail',
    primaryMx: 'mx.xn--bcher-kva.test',
    mxCount: 1,
  },
  {
    domain: 'evil.test',
    display: 'evil.test',
    addresses: 1,
    verdict: 'accepts',
    verdictText: 'accepts mail',
    primaryMx: '=HYPERLINK("http://x")',
    mxCount: 1,
    worstFinding: '+SUM(A1)',
    provider: '@evil',
  },
  { domain: 'gone.test', display: 'gone.test', addresses: 1, verdict: 'nxdomain', verdictText: 'does not exist', mxCount: 0, error: '-2+3' },
  { domain: 'fail.test', display: 'fail.test', addresses: 0, verdict: 'failed', verdictText: 'lookup failed', mxCount: 0, error: '\tTimeout\r' },
];

describe('bulk exports', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCell(`${start}1`)).toBe(`'${start}1`);
    expect(neutraliseCell('mx.example.com')).toBe('mx.example.com');
    expect(neutraliseCell(3)).toBe('3');
    expect(neutraliseCell(undefined)).toBe('');
  });

  it('writes one row per domain, quoted by papaparse, IDN in Unicode beside ASCII, no live formula', () => {
    const csv = domainsCsv(results);
    const rows = Papa.parse<string[]>(csv).data;
    expect(rows[0]).toEqual([
      'domain',
      'domain_ascii',
      'addresses',
      'verdict',
      'verdict_text',
      'primary_mx',
      'mx_count',
      'provider',
      'spf',
      'dmarc',
      'worst_finding',
      'error',
      'scorecard_worst',
      'scorecard_fails',
      'scorecard_warns',
      'scorecard_mx',
      'scorecard_spf',
      'scorecard_dkim',
      'scorecard_dmarc',
      'scorecard_dnssec',
      'scorecard_dane',
      'scorecard_mta_sts',
      'scorecard_tls_rpt',
      'scorecard_ipv6',
      'scorecard_resilience',
    ]);
    expect(rows[1]!.slice(0, 4)).toEqual(['bücher.test', 'xn--bcher-kva.test', '1', 'accepts']);
    expect(rows[2]![5]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[2]![7]).toBe("'@evil");
    expect(rows[2]![10]).toBe("'+SUM(A1)");
    expect(rows[3]![11]).toBe("'-2+3");
    expect(rows[4]![11]).toBe("'\tTimeout\r");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('gives the scorecard (--all) its columns: the worst line, how many fail and warn, each line; empty without it', () => {
    const scored: BulkResult = {
      ...results[0]!,
      scorecard: {
        mx: 'pass',
        spf: 'fail',
        dkim: 'warn',
        dmarc: 'fail',
        dnssec: 'pass',
        dane: 'not-checked',
        mtaSts: 'warn',
        tlsRpt: 'pass',
        ipv6: 'pass',
        resilience: 'pass',
      },
      scorecardWorst: 'fail',
    };
    const rows = Papa.parse<string[]>(domainsCsv([scored, results[1]!])).data;
    const header = rows[0]!;
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    expect([cell(rows[1]!, 'scorecard_worst'), cell(rows[1]!, 'scorecard_fails'), cell(rows[1]!, 'scorecard_warns')]).toEqual(['fail', '2', '2']);
    expect([cell(rows[1]!, 'scorecard_dane'), cell(rows[1]!, 'scorecard_mta_sts'), cell(rows[1]!, 'scorecard_resilience')]).toEqual([
      'not-checked',
      'warn',
      'pass',
    ]);
    expect(rows[2]!.slice(header.indexOf('scorecard_worst'))).toEqual(Array(13).fill(''));
    expect(JSON.parse(bulkJson(input, [scored])).domains[0]).toMatchObject({ scorecardWorst: 'fail', scorecard: { spf: 'fail', dane: 'not-checked' } });
  });

  it('writes one row per address, the invalid entries last, with the address cell made inert too', () => {
    const rows = Papa.parse<string[]>(addressesCsv(input, results)).data;
    expect(rows[0]!.slice(0, 4)).toEqual(['address', 'domain', 'domain_ascii', 'verdict']);
    expect(rows.map((row) => row[0])).toEqual(['address', 'ann@bücher.test', "'=cmd@evil.test", 'bob@gone.test', '', 'junk line']);
    expect(rows.at(-1)!.slice(3, 4)).toEqual(['invalid']);
  });

  it('exports JSON and the addresses that cannot receive mail (failed lookups left out)', () => {
    const json = JSON.parse(bulkJson(input, results));
    expect(json.domains).toHaveLength(4);
    expect(json.invalid[0].input).toBe('junk line');
    expect(undeliverableText(input, results)).toBe('bob@gone.test\n');
  });

  it('property: any text in any cell survives the round trip and never starts a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const result: BulkResult = {
          domain: 'x.test',
          display: 'x.test',
          addresses: 0,
          verdict: 'failed',
          verdictText: 'lookup failed',
          mxCount: 0,
          error: cells.join(''),
        };
        const row = Papa.parse<string[]>(domainsCsv([result])).data[1]!;
        const cell = row[11]!;
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell === result.error || cell === `'${result.error}`).toBe(true);
      }),
    );
  });
});
