/** What `mxray` gets from its process: arguments, environment, output streams, and `fetch` (tests pass their own). */
export interface CliIo {
  argv: string[];
  env: Record<string, string | undefined>;
  isTty: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  fetch?: typeof fetch;
}
