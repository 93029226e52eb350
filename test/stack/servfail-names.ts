// Names under which the DoH front ends (dnsdist and the fault server alike) answer SERVFAIL,
// as if the resolver could not reach the authority. knotd itself still serves them.
// The DANE fixture's TLSA name fails alone: its host's address answers stay validated (test/zones/dane.inc).
export const SERVFAIL_SUFFIXES: readonly string[] = ['servfail.test.', '_25._tcp.mx.tlsa-servfail.dane-signed.test.'];
