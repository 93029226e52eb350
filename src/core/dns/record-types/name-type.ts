/** The types whose data is one domain name (CNAME, DNAME, NS, PTR): one name filling RDLENGTH. */
import { normaliseName } from '../names';
import { checkedName, presentName, rootToEmpty } from './name-text';
import type { RecordType } from './record-type';

export function nameRecordType<Name extends string>(type: Name, number: number): RecordType<Name, string> {
  return {
    type,
    number,
    checkRdata: (rdata) => rdata.nameFills(rdata.start, type),
    fromWire: rootToEmpty,
    fromJson: (data) => checkedName(data.trim()),
    present: presentName,
    value: normaliseName,
  };
}
