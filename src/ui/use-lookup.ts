/**
 * A lookup as UI state: the latest (partial) report, or why there is none. The lookup itself is
 * started through `start` (src/platform's `startLookup` in the extension, a fake in tests), so
 * this hook needs no browser. A new request, or unmounting, cancels the one before: its late
 * answers must never overwrite the new one.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { mailAnswerKnown } from '../core/lookup/routing-progress';
import type { InvalidQueryJson } from '../core/query/invalid-query';
import type { Report } from '../core/report';
import type { LookupMessage, LookupRequest } from '../shared/messages';

export type StartLookup = (request: LookupRequest, handlers: { onMessage: (message: LookupMessage) => void; onLost: (reason: string) => void }) => () => void;

export interface LookupState {
  /** What was asked; `undefined` before the first lookup. */
  request?: LookupRequest;
  /** The latest snapshot; `status: 'done'` when complete. */
  report?: Report;
  /** The report is the page's own so far (src/shared/messages.ts): its registrable domain is not known yet. */
  pageOnly?: boolean;
  /** The worker could not parse the input. */
  invalid?: InvalidQueryJson;
  /** The worker could not be reached (the lookup stopped). */
  lost?: string;
  /** Said while no report is shown yet (the popup before it picks a name): a slow resolver. */
  notice?: string;
}

/** Still waiting for answers (the status line says "Looking up…"). */
export function isRunning(state: LookupState): boolean {
  return state.request !== undefined && !state.invalid && !state.lost && state.report?.status !== 'done';
}

/**
 * The state, `run(request)` to start a lookup (or clear with `undefined`), and `rerun()` to ask
 * the same again after a setting changed, keeping the report on screen until the new one comes
 * (from the cache, at once, for everything asked before).
 */
export function useLookup(start: StartLookup): [LookupState, (request: LookupRequest | undefined) => void, () => void] {
  const [state, setState] = useState<LookupState>({});
  const cancel = useRef<(() => void) | undefined>(undefined);
  const last = useRef<LookupRequest | undefined>(undefined);

  const begin = useCallback(
    (request: LookupRequest | undefined, keep: boolean) => {
      cancel.current?.();
      cancel.current = undefined;
      last.current = request;
      if (!request) {
        setState({});
        return;
      }
      // Whether a report is kept on screen is known only inside the state update.
      let keeping = false;
      setState((previous) => {
        keeping = keep && previous.report !== undefined;
        return keeping ? { request, report: previous.report } : { request };
      });
      let live = true;
      const stop = start(request, {
        onMessage: (message) => {
          if (!live) return;
          // A kept report gives way to one that answers as much: a snapshot sent before the MX
          // answer (the page's and the worker's lookups both send them) would empty the table.
          if (keeping && message.type === 'report' && !answers(message.report)) return;
          keeping = false;
          setState(
            message.type === 'invalid'
              ? { request, invalid: message.error }
              : { request, report: message.report, ...(message.pageOnly ? { pageOnly: true } : {}) },
          );
        },
        onLost: (reason) => {
          if (live) setState((previous) => ({ ...previous, lost: reason }));
        },
      });
      cancel.current = () => {
        live = false;
        stop();
      };
    },
    [start],
  );
  const run = useCallback((request: LookupRequest | undefined) => begin(request, false), [begin]);
  const rerun = useCallback(() => begin(last.current, true), [begin]);

  useEffect(() => () => cancel.current?.(), []);
  return [state, run, rerun];
}

/** Does this snapshot say where mail goes (or, for an IP, its reverse name), or is it the last one? */
function answers(report: Report): boolean {
  if (report.status === 'done') return true;
  if (report.query.kind === 'ip') return report.ptr !== undefined && report.ptr.ptrStatus !== 'pending';
  return mailAnswerKnown(report);
}
