/**
 * The skeleton of a DNS message checked as RFC 1035 §4.1 lays it out, before the codec reads
 * it: the codec decodes each record's data by its own rules and skips the RDLENGTH field, so
 * an MX whose RDLENGTH runs past the end, or an A record of 7 bytes, would be read as
 * something. Here every record's RDLENGTH must fit the message and, for the types MXray reads,
 * hold exactly the data its type defines (each type's rule is in its record-types/ entry);
 * anything else refuses the whole message with a `WireFormatError` saying which record and why.
 */
import { Rdata, skipName } from './record-types/rdata';
import { recordTypeNumbered } from './record-types/registry';
import { WireFormatError } from './wire-format-error';

export { WireFormatError } from './wire-format-error';

const SECTIONS = ['answer', 'authority', 'additional'] as const;

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
      recordTypeNumbered(type)?.checkRdata(new Rdata(bytes, start, end, where));
      offset = end;
    }
  });
}
