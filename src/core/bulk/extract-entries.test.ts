import { describe, expect, it } from 'vitest';
import { extractEntries, tableOf } from './extract-entries';
import { findColumn, suggestColumn } from './csv-table';

const domainsOf = (text: string, column?: number) =>
  extractEntries(text, column === undefined ? {} : { column }).domains.map((d) => [d.domain, d.addresses.length, d.bare]);

describe('extractEntries', () => {
  it('reads one entry per line: addresses and bare domains, grouped by domain', () => {
    const input = extractEntries('ann@example.com\nbob@Example.COM\nexample.org\nhttps://www.example.net/path\n');
    expect(input.domains.map((d) => [d.domain, d.addresses, d.bare])).toEqual([
      ['example.com', ['ann@example.com', 'bob@example.com'], false],
      ['example.org', [], true],
      ['www.example.net', [], true],
    ]);
    expect(input.invalid).toEqual([]);
    expect(input.addressCount).toBe(2);
  });

  it('finds addresses inside prose and "Name" <a@b> lists', () => {
    expect(domainsOf('Please write to ann@one.test, or to the desk (desk@two.test).\n"Doe, John" <john@one.test>; Mary <mary@three.test>')).toEqual([
      ['one.test', 2, false],
      ['two.test', 1, false],
      ['three.test', 1, false],
    ]);
  });

  it('counts repeated addresses once, without case, and says how many repeats there were', () => {
    const input = extractEntries('a@x.test\nA@X.test\nb@x.test\nx.test\nx.test');
    expect(input.domains).toEqual([{ domain: 'x.test', display: 'x.test', addresses: ['a@x.test', 'b@x.test'], bare: true }]);
    expect(input.addressCount).toBe(3);
    expect(input.duplicates).toBe(2);
  });

  it('lists junk lines and broken addresses with a reason, never dropping them', () => {
    const input = extractEntries('good.test\nhello world\nann@@x.test\nbad@\nexa_mple..com\n192.0.2.1\nuser@[192.0.2.1]\n');
    expect(input.domains.map((d) => d.domain)).toEqual(['good.test']);
    expect(input.invalid.map((i) => [i.line, i.input])).toEqual([
      [2, 'hello world'],
      [3, 'ann@@x.test'],
      [4, 'bad@'],
      [5, 'exa_mple..com'],
      [6, '192.0.2.1'],
      [7, 'user@[192.0.2.1]'],
    ]);
    expect(input.invalid[0]!.invalid).toMatch(/no email address or domain/);
    expect(input.invalid[2]!.invalid).toMatch(/nothing after the @/);
    expect(input.invalid[3]!.invalid).toMatch(/two dots/);
    expect(input.invalid[4]!.invalid).toMatch(/IP address/);
    expect(input.invalid.every((i) => i.invalid.length > 10)).toBe(true);
  });

  it('keeps IDNs in Unicode for people and ASCII for the lookup', () => {
    const input = extractEntries('jörg@bücher.test\nBÜCHER.test\nuser@xn--bcher-kva.test');
    expect(input.domains).toEqual([
      { domain: 'xn--bcher-kva.test', display: 'bücher.test', addresses: ['jörg@xn--bcher-kva.test', 'user@xn--bcher-kva.test'], bare: true },
    ]);
  });

  it('reads a CSV with quotes, a BOM and CRLF, skipping its header', () => {
    const csv = '\uFEFFname,email,notes\r\n"Doe, Jane",jane@one.test,"said ""hi"""\r\n"Roe, Rick",rick@two.test,"line one\nline two"\r\n';
    const input = extractEntries(csv);
    expect(input.domains.map((d) => d.domain)).toEqual(['one.test', 'two.test']);
    expect(input.invalid).toEqual([]);
  });

  it('reads an Outlook contact export (several e-mail columns) and a Gmail one', () => {
    const outlook =
      'First Name,Last Name,E-mail Address,E-mail 2 Address,E-mail 3 Address,Business Phone\r\nAnn,Lee,ann@one.test,ann.lee@two.test,,+1 555 0100\r\nBo,Kim,bo@one.test,,,\r\n';
    expect(domainsOf(outlook)).toEqual([
      ['one.test', 2, false],
      ['two.test', 1, false],
    ]);
    const gmail =
      'Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value\nAnn Lee,Ann,Lee,* Home,ann@gmail.test ::: ann@work.test,Work,ann@three.test\n';
    expect(domainsOf(gmail)).toEqual([
      ['gmail.test', 1, false],
      ['work.test', 1, false],
      ['three.test', 1, false],
    ]);
  });

  it('reads the chosen column of a multi-column CSV, each cell one entry', () => {
    const csv = 'company;domain;owner\nAcme;acme.test;ann@elsewhere.test\nJunk;not a domain;x\nFoo;;y\n';
    const table = tableOf(csv)!;
    expect(table.columns).toEqual(['company', 'domain', 'owner']);
    expect(findColumn(table, 'Domain')).toBe(1);
    expect(findColumn(table, '3')).toBe(2);
    expect(findColumn(table, 'nope')).toBeUndefined();
    const input = extractEntries(csv, { column: 1 });
    expect(input.domains.map((d) => d.domain)).toEqual(['acme.test']);
    expect(input.invalid.map((i) => [i.line, i.input])).toEqual([[3, 'not a domain']]);
    expect(extractEntries(csv, { column: 2 }).domains.map((d) => d.domain)).toEqual(['elsewhere.test']);
  });

  it('picks the domain column of a CSV without addresses by itself', () => {
    const csv = 'customer,site,plan\nAcme,acme.test,gold\nFoo,foo.test,free\n';
    expect(suggestColumn(tableOf(csv)!)).toBe(1);
    expect(domainsOf(csv)).toEqual([
      ['acme.test', 0, true],
      ['foo.test', 0, true],
    ]);
  });

  it('does not take a plain list for a table', () => {
    expect(tableOf('a.test\nb.test\n')).toBeUndefined();
    expect(extractEntries('').domains).toEqual([]);
    expect(extractEntries('\n  \n\t\n').invalid).toEqual([]);
  });

  it('reads 10,000 lines', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      i % 3 === 0 ? `user${i}@d${i % 1000}.test` : i % 3 === 1 ? `d${i % 1500}.test` : `"U ${i}" <u${i}@d${i % 700}.test>`,
    );
    const input = extractEntries(lines.join('\n'));
    const expected = new Set(lines.map((line) => /d\d+\.test/.exec(line)![0]));
    expect(input.domains.length).toBe(expected.size);
    expect(input.invalid).toEqual([]);
    expect(input.addressCount).toBe(6667);
  });
});
