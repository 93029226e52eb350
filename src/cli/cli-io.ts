/** What `mxray` gets from its process: arguments, environment, output streams, and `fetch` (tests pass their own). */
export interface CliIo {
  argv: string[];
  env: Record<string, string | undefined>;
  isTty: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  fetch?: typeof fetch;
  /** Redraws the one progress line (`--bulk`); given only when stderr is a terminal. */
  progress?: (line: string) => void;
  /** All of stdin, for `--bulk -` (default: the process's). */
  stdin?: () => Promise<Uint8Array>;
  /** Stdin as a stream, for `--message -` (read up to a limit, the rest counted; default: the process's). */
  stdinStream?: AsyncIterable<Uint8Array>;
}
