/**
 * The one error `parseQuery` throws: what was typed, a stable reason code for programs and
 * tests, and a message for a person that says what was wrong and what to type instead.
 */
import { MAX_INPUT_LENGTH } from './query-limits';

export type InvalidQueryReason =
  /** Nothing but space, quotes or punctuation. */
  | 'empty'
  /** More than MAX_INPUT_LENGTH characters. */
  | 'too-long-input'
  /** Over 253 characters as ASCII (RFC 1035 §2.3.4). */
  | 'too-long-name'
  /** A label over 63 octets as ASCII (RFC 1035 §2.3.4). */
  | 'too-long-label'
  /** A character no domain name can hold (a space, a comma, ...). */
  | 'bad-character'
  /** Two dots in a row, or a leading dot. */
  | 'empty-label'
  /** A label that begins or ends with a hyphen (RFC 5321 §4.1.2). */
  | 'bad-hyphen'
  /** Unicode the IDNA mapping (UTS #46) refuses, or a broken `xn--` label. */
  | 'bad-idn'
  /** One label with no dot that is not a top-level domain: `localhost`, `intranet`. */
  | 'single-label'
  /** A name ending in a number where a domain belongs: `user@192.0.2.1`, `1.2.3.4.5`. */
  | 'ip-in-domain-slot'
  /** Meant as an IP address but not one: `192.0.2.256`, `192.0.02.1`, `2001:db8:::1`. */
  | 'bad-ip'
  /** An IPv6 address with a zone (`fe80::1%eth0`), which means something on one computer only. */
  | 'ip-zone-id'
  | 'bad-email'
  | 'bad-url'
  /** A URL we do not look up: `chrome://extensions`, `file:///x`. */
  | 'unsupported-scheme';

/** The error as plain data, to cross a message port or be printed by the CLI. */
export interface InvalidQueryJson {
  code: 'invalid-query';
  reason: InvalidQueryReason;
  input: string;
  message: string;
}

export class InvalidQuery extends Error {
  override readonly name = 'InvalidQuery';
  readonly code = 'invalid-query';
  /** What the user gave, cut to MAX_INPUT_LENGTH so an error never carries a pasted megabyte. */
  readonly input: string;

  constructor(
    input: string,
    readonly reason: InvalidQueryReason,
    message: string,
  ) {
    super(message);
    this.input = input.length > MAX_INPUT_LENGTH ? input.slice(0, MAX_INPUT_LENGTH) : input;
  }

  toJSON(): InvalidQueryJson {
    return { code: this.code, reason: this.reason, input: this.input, message: this.message };
  }

  static fromJSON(json: InvalidQueryJson): InvalidQuery {
    return new InvalidQuery(json.input, json.reason, json.message);
  }
}
