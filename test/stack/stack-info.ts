// What the running DNS test stack looks like to a test. Handed from the vitest global setup to
// every test file with provide/inject:
//
//   import { inject } from 'vitest';
//   const stack = inject('stack'); // StackInfo
//
// The augmentation below types `inject('stack')` for any file that imports this module.

export interface StackInfo {
  /** RFC 8484 endpoint served by dnsdist in front of knotd, e.g. https://127.0.0.1:PORT/dns-query */
  dohUrl: string;
  dohPort: number;
  /** knotd, plain DNS over UDP and TCP: for kdig and for tests that bypass DoH. */
  knot: { host: string; port: number };
  /** Base of the shared fault server, no trailing slash: add `/tag/<t>/delay/50/dns-query` etc. */
  faultUrl: string;
  /** The test CA (PEM file) that signed the DoH servers' certificate: trust it, nothing else. */
  caPath: string;
  caPem: string;
  /** The stack's private temporary directory (configs, certificates, daemon state). */
  dir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}
