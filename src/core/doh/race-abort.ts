/**
 * A caller's view of a shared promise: it settles with the promise, or rejects with
 * `makeError()` the moment the caller's `signal` aborts, after `onAbortLeave` (which lets the
 * shared work stop when the last caller has left). The listener is removed either way: a bulk
 * run's lookups share one signal.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, makeError: () => Error, onAbortLeave: () => void): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      onAbortLeave();
      reject(makeError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
