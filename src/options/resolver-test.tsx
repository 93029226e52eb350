/** The "Test" button and what it found: one question to the resolver, timed by the worker. */
import { describeTestOutcome, type TestOutcome } from './resolver-choice';

export type TestState = { state: 'idle' } | { state: 'running'; name: string } | { state: 'done'; outcome: TestOutcome };

export function ResolverTest({ test, onTest }: { test: TestState; onTest: () => void }) {
  return (
    <div class="test-row">
      <button type="button" aria-disabled={test.state === 'running' ? 'true' : undefined} aria-describedby="test-hint" onClick={onTest}>
        Test
      </button>
      <span id="test-hint" class="hint">
        Asks the resolver for the mail servers of a well-known name.
      </span>
      {/* A live region that is always there, so a result is announced when it appears. */}
      <div class="test-result" aria-live="polite">
        {test.state === 'running' && <p>Asking {test.name}…</p>}
        {test.state === 'done' &&
          (test.outcome.ok ? (
            <p class="ok" role="status">
              {describeTestOutcome(test.outcome)}
            </p>
          ) : (
            <p class="problem" role="alert">
              {describeTestOutcome(test.outcome)}
            </p>
          ))}
      </div>
    </div>
  );
}
