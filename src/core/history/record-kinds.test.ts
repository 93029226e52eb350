import { describe, expect, it } from 'vitest';
import { newMailDiagnostics } from '../mail/mail-diagnostics';
import { describeRecordChange, RECORD_LABEL } from './describe-records';
import { fromEntries, metaOf, toEntries } from './fact-entries';
import { factsFile, parseFactsFile } from './facts-file';
import { factsOf } from './facts-of';
import { RECORD_KINDS } from './facts-types';
import { report } from './testing/facts-reports';

const KINDS = RECORD_KINDS.map(({ kind }) => kind);

describe('the record kinds, from the one list RECORD_KINDS', () => {
  it('keeps SPF and DMARC from the routing TXT when the mail diagnostics did not run', () => {
    expect(Object.keys(factsOf(report()).records)).toEqual(['spf', 'dmarc']);
  });

  it('keeps every kind, in the order of the list, when they ran', () => {
    const withMail = { ...report(), mail: newMailDiagnostics({}) };
    expect(Object.keys(factsOf(withMail).records)).toEqual(KINDS);
  });

  it('gives every kind back from the fact table, in the order of the list', () => {
    const facts = factsOf({ ...report(), mail: newMailDiagnostics({}) });
    expect(Object.keys(fromEntries(toEntries(facts), metaOf(facts)).records)).toEqual(KINDS);
  });

  it('names each kind in the sentences of a change', () => {
    for (const { kind, label } of RECORD_KINDS) {
      expect(RECORD_LABEL[kind]).toBe(label);
      expect(describeRecordChange(kind, [], ['v=x'])).toEqual([`${label} record was added: "v=x"`]);
    }
  });

  it('refuses a facts file with a kind not in the list, naming the kinds it knows', () => {
    const facts = factsOf(report());
    const file = factsFile([{ ...facts, records: { ...facts.records, nope: { name: 'x', status: 'ok', records: [] } } as typeof facts.records }], 1);
    const read = parseFactsFile(JSON.stringify(file));
    expect(read).toEqual({ ok: false, error: expect.stringContaining(`must map ${KINDS.join(', ')} to`) as unknown });
  });
});
