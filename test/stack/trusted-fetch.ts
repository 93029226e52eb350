// A fetch that trusts the stack's test CA and nothing else, for tests that talk to dnsdist or
// the fault server (and for handing to the core engine as its injected `fetch`).
import { Agent, fetch as undiciFetch } from 'undici';

export interface TrustedFetch {
  fetch: typeof globalThis.fetch;
  dispatcher: Agent;
  close(): Promise<void>;
}

export function createTrustedFetch(caPem: string): TrustedFetch {
  const dispatcher = new Agent({ connect: { ca: caPem } });
  // undici's own Request/Response types differ nominally from the DOM lib's; same behaviour.
  const trusted = (input: string | URL, init?: RequestInit) => undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher });
  return { fetch: trusted as unknown as typeof globalThis.fetch, dispatcher, close: () => dispatcher.close() };
}
