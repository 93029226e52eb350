/** DNAME: a whole subtree's alias (RFC 6672 §2.1); read, never asked (resolvers synthesise the CNAME). */
import { nameRecordType } from './name-type';

export const DNAME = nameRecordType('DNAME', 39);
