/**
 * A record type MXray reads is one object, as dns-packet keeps one codec per type: its IANA
 * number, the RDLENGTH rule checked on the raw bytes, the reader of the wire codec's decoded
 * form, the reader of the JSON API's `data` string, its zone-file presentation text and the
 * text a mail section compares. `registry.ts` lists them; nothing else names a type.
 */
import type { Rdata } from './rdata';

export interface RecordType<Name extends string = string, Data = unknown> {
  /** The mnemonic (IANA "Resource Record (RR) TYPEs" registry). */
  readonly type: Name;
  readonly number: number;
  /**
   * The RDLENGTH rule (RFC 1035 §3.2.1, §4.1.3): the RDATA must hold exactly what this type
   * defines. Throws `WireFormatError` (the whole message is unreadable) otherwise.
   */
  checkRdata(rdata: Rdata): void;
  /** From `@leichtgewicht/dns-packet`'s decoded `data` (the raw RDATA bytes for a type the fork does not decode). */
  fromWire(data: unknown): Data | IgnoredRecord;
  /** From the JSON API's `data` (Google `/resolve`, Cloudflare `application/dns-json`); throws `JsonAnswerError`. */
  fromJson(data: string): Data | IgnoredRecord;
  /** The record's data in zone-file presentation form (RFC 1035 §5.1), for people and exports. */
  present(data: Data): string;
  /** The text a mail diagnostic compares (`AskResult.values`, src/core/mail/dns-ask.ts). */
  value(data: Data): string;
}

/**
 * A record that is well-formed but says nothing: left out of the answer on its own, the others
 * kept, with a sentence why (the message's `dropped`), never a malformed message.
 */
export class IgnoredRecord {
  constructor(readonly why: string) {}
}

/** The data of a record type, from its table entry. */
export type DataOf<Entry> = Entry extends RecordType<string, infer Data> ? Data : never;
