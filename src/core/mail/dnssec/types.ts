/**
 * DNSSEC as a DoH client can see it: whether the resolver validated each answer (the AD bit,
 * RFC 4035 §3.2.3; MXray asks with AD set, RFC 6840 §5.7). A client cannot tell "unsigned"
 * from "signed but this resolver does not validate" without validating itself; all four built-in
 * resolvers validate, so with them "not validated" means the zone is not signed.
 */
import type { AnswerStatus, DnsName } from '../../vocabulary';

export interface ValidatedAnswer {
  /** What was asked, e.g. `example.com MX` or `mx.example.com A`. */
  question: string;
  status: AnswerStatus;
  /** The resolver set AD. Meaningless while `status` is `pending`. */
  authenticated: boolean;
}

export interface DnssecSection {
  status: 'pending' | 'done';
  /** The domain's MX answer. */
  mx?: ValidatedAnswer;
  /** The domain's TXT answer (SPF). */
  txt?: ValidatedAnswer;
  /** Address answers of each mail host, one per host and type. */
  hosts: (ValidatedAnswer & { host: DnsName })[];
}

export function newDnssecSection(): DnssecSection {
  return { status: 'pending', hosts: [] };
}
