/** PTR: the name an address maps back to (RFC 1035 §3.3.12). */
import { nameRecordType } from './name-type';

export const PTR = nameRecordType('PTR', 12);
