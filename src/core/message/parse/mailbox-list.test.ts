import { describe, expect, it } from 'vitest';
import { parseMailboxList } from './mailbox-list';

describe('parseMailboxList (RFC 5322 §3.4)', () => {
  it('reads name-addr and addr-spec mailboxes, in order', () => {
    expect(parseMailboxList('Alice <a@example.com>, b@example.org')).toEqual([
      { local: 'a', domain: 'example.com', literal: false },
      { local: 'b', domain: 'example.org', literal: false },
    ]);
  });

  it('reads a group and skips empty elements (§4.4 obs-mbox-list)', () => {
    expect(parseMailboxList('Team: a@example.com,, b@example.com; , c@example.com')).toHaveLength(3);
    expect(parseMailboxList('undisclosed-recipients:;')).toEqual([]);
  });

  it('keeps a quoted local part whole, with its "@"', () => {
    expect(parseMailboxList('"a@b c"@example.com')).toEqual([{ local: 'a@b c', domain: 'example.com', literal: false }]);
  });

  it('joins an obsolete domain with spaces around its dots (§4.4)', () => {
    expect(parseMailboxList('a@example . com')[0]!.domain).toBe('example.com');
  });

  it('marks an address literal', () => {
    expect(parseMailboxList('<a@[IPv6:2001:db8::1]>')).toEqual([{ local: 'a', domain: 'IPv6:2001:db8::1', literal: true }]);
  });

  it('takes the address in the first angle brackets', () => {
    expect(parseMailboxList('Bob <b@example.com> <c@example.net>')).toEqual([{ local: 'b', domain: 'example.com', literal: false }]);
  });
});
