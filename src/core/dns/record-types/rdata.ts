/**
 * One record's RDATA inside the whole message (names in it may point back into the message,
 * RFC 1035 §4.1.4), with the checks the RDLENGTH rules of the record types are written in.
 */
import { WireFormatError } from '../wire-format-error';

export class Rdata {
  constructor(
    readonly bytes: Uint8Array,
    readonly start: number,
    readonly end: number,
    /** Which record, for the error: "answer record 2 of 3". */
    readonly where: string,
  ) {}

  get length(): number {
    return this.end - this.start;
  }

  /** The data cannot be this record's: `what` completes "answer record 1 of 2 is …". */
  malformed(what: string): never {
    throw new WireFormatError(`${this.where} is ${what}`);
  }

  /** RDLENGTH must be exactly `expected` (`what`: "an A record"). */
  exactly(expected: number, what: string): void {
    if (this.length !== expected) this.malformed(`${what} with ${this.length} bytes of data instead of ${expected}`);
  }

  /** RDLENGTH must hold at least the fixed fields (`fields`: "a preference and a name"). */
  atLeast(minimum: number, what: string, fields: string): void {
    if (this.length < minimum) this.malformed(`${what} with ${this.length} bytes of data, too few for ${fields}`);
  }

  /** The name at `offset` must end exactly where the data does (`type`: "MX"). */
  nameFills(offset: number, type: string): void {
    const where = `${this.where} (${type})`;
    const after = skipName(this.bytes, offset, where, this.end);
    if (after !== this.end) throw new WireFormatError(`${where}: the name ends ${after < this.end ? 'before' : 'after'} the record's data length says`);
  }

  /** Where the name at `offset` ends, within the data. */
  skipName(offset: number): number {
    return skipName(this.bytes, offset, this.where, this.end);
  }
}

/** Where the name at `offset` ends in the message (after a compression pointer: right after it). */
export function skipName(bytes: Uint8Array, offset: number, where: string, limit = bytes.byteLength): number {
  let p = offset;
  for (;;) {
    if (p >= limit) throw new WireFormatError(`${where}: a name runs past the end of its data`);
    const length = bytes[p]!;
    if (length === 0) return p + 1;
    const kind = length & 0xc0;
    if (kind === 0xc0) {
      if (p + 2 > limit) throw new WireFormatError(`${where}: a compression pointer runs past the end of its data`);
      return p + 2;
    }
    if (kind !== 0) throw new WireFormatError(`${where}: a label has the reserved length bits ${kind.toString(2).padStart(8, '0').slice(0, 2)}`);
    p += 1 + length;
  }
}
