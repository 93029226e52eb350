// Names for which the DoH front ends (dnsdist and the fault server alike) set the AD bit, as a
// validating resolver does for answers from a signed zone. Nothing in the stack is signed or
// validated: knotd never sets AD, so this simulates DNSSEC validation for the engine's tests.
// dane-signed.test: the DANE fixtures' signed zones (test/zones/dane.inc).
export const VALIDATED_SUFFIXES: readonly string[] = ['signed.test.', 'dane-signed.test.'];
