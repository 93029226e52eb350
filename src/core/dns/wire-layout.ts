/**
 * The skeleton of a DNS message checked as RFC 1035 §4.1 lays it out, before the codec reads
 * it: the codec decodes each record's data by its own rules and skips the RDLENGTH field, so
 * an MX whose RDLENGTH runs past the end, or an A record of 7 bytes, would be read as
 * something. Here every record's RDLENGTH must fit the message and hold exactly the data its
 * type defines (RFC 1035 §3.3, §3.4; RFC 3596 §2.2 for AAAA); anything else refuses the
 * whole message with a `WireFormatError` saying which record and why.
 */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

const SECTIONS = ['answer', 'authority', 'additional'] as const;
const TYPE_A = 1,
  TYPE_NS = 2,
  TYPE_CNAME = 5,
  TYPE_SOA = 6,
  TYPE_PTR = 12,
  TYPE_MX = 15,
  TYPE_TXT = 16,
  TYPE_AAAA = 28,
  TYPE_DNAME = 39;
const NAME_TYPES: Record<number, string> = { [TYPE_NS]: 'NS', [TYPE_CNAME]: 'CNAME', [TYPE_PTR]: 'PTR', [TYPE_DNAME]: 'DNAME' };

export function checkWireLayout(bytes: Uint8Array): void {
  if (bytes.byteLength < 12) throw new WireFormatError(`the message is ${bytes.byteLength} bytes, shorter than a DNS header (12)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const counts = [view.getUint16(4), view.getUint16(6), view.getUint16(8), view.getUint16(10)] as const;
  let offset = 12;
  for (let i = 0; i < counts[0]; i++) {
    offset = skipName(bytes, offset, `question ${i + 1}`) + 4;
    if (offset > bytes.byteLength) throw new WireFormatError(`question ${i + 1} ends past the end of the message`);
  }
  SECTIONS.forEach((section, s) => {
    const count = counts[s + 1]!;
    for (let i = 0; i < count; i++) {
      const where = `${section} record ${i + 1} of ${count}`;
      if (offset >= bytes.byteLength) throw new WireFormatError(`the header counts ${count} ${section} records but the message ends before record ${i + 1}`);
      offset = skipName(bytes, offset, where);
      if (offset + 10 > bytes.byteLength) throw new WireFormatError(`${where} ends inside its fixed fields`);
      const type = view.getUint16(offset);
      const rdlength = view.getUint16(offset + 8);
      const start = offset + 10;
      const end = start + rdlength;
      if (end > bytes.byteLength) throw new WireFormatError(`${where} says its data is ${rdlength} bytes, past the end of the message`);
      checkRdata(bytes, type, start, end, where);
      offset = end;
    }
  });
}

/** The data of the types MXray reads must fill RDLENGTH exactly. */
function checkRdata(bytes: Uint8Array, type: number, start: number, end: number, where: string): void {
  const length = end - start;
  const exactly = (expected: number, what: string) => {
    if (length !== expected) throw new WireFormatError(`${where} is ${what} with ${length} bytes of data instead of ${expected}`);
  };
  switch (type) {
    case TYPE_A:
      return exactly(4, 'an A record');
    case TYPE_AAAA:
      return exactly(16, 'an AAAA record');
    case TYPE_MX: {
      if (length < 3) throw new WireFormatError(`${where} is an MX record with ${length} bytes of data, too few for a preference and a name`);
      return nameFills(bytes, start + 2, end, `${where} (MX)`);
    }
    case TYPE_SOA: {
      const afterNames = skipName(bytes, skipName(bytes, start, where, end), where, end);
      return exactly(afterNames - start + 20, 'an SOA record');
    }
    case TYPE_TXT: {
      if (length === 0) throw new WireFormatError(`${where} is a TXT record with no data (RFC 1035 §3.3.14 needs at least one string)`);
      let p = start;
      while (p < end) p += 1 + bytes[p]!;
      if (p !== end) throw new WireFormatError(`${where} is a TXT record whose last string runs past its data length`);
      return;
    }
    default:
      if (NAME_TYPES[type]) nameFills(bytes, start, end, `${where} (${NAME_TYPES[type]})`);
  }
}

function nameFills(bytes: Uint8Array, start: number, end: number, where: string): void {
  const after = skipName(bytes, start, where, end);
  if (after !== end) throw new WireFormatError(`${where}: the name ends ${after < end ? 'before' : 'after'} the record's data length says`);
}

/** Where the name at `offset` ends in the message (after a compression pointer: right after it). */
function skipName(bytes: Uint8Array, offset: number, where: string, limit = bytes.byteLength): number {
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
