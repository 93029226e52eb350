/** CNAME: the canonical name of an alias (RFC 1035 §3.3.1). */
import { nameRecordType } from './name-type';

export const CNAME = nameRecordType('CNAME', 5);
