/** NS: an authoritative name server (RFC 1035 §3.3.11). */
import { nameRecordType } from './name-type';

export const NS = nameRecordType('NS', 2);
