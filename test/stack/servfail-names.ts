// Names under which the DoH front ends (dnsdist and the fault server alike) answer SERVFAIL,
// as if the resolver could not reach the authority. knotd itself still serves them.
export const SERVFAIL_SUFFIXES: readonly string[] = ['servfail.test.'];
