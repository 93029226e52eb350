/** Recent lookups (kept on this device only) and what MXray sends where. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import { CheckboxField } from './checkbox-field';
import type { OptionsActions } from './options-actions';
import { errorText } from './use-saved-settings';

export interface PrivacySectionProps {
  settings: Settings;
  save: (next: Settings) => void;
  actions: OptionsActions;
  setStatus: (text: string) => void;
}

export function PrivacySection({ settings, save, actions, setStatus }: PrivacySectionProps) {
  const [recentCount, setRecentCount] = useState<number | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    actions.getRecent().then(
      (recent) => setRecentCount(recent.length),
      () => setRecentCount(undefined),
    );
  }, [actions]);

  const clear = async () => {
    setProblem(undefined);
    try {
      setRecentCount((await actions.clearRecent()).length);
      setStatus('Recent lookups cleared');
    } catch (error) {
      setProblem(`Recent lookups were not cleared: ${errorText(error)}`);
    }
  };

  return (
    <section class="card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <CheckboxField
        id="remember-recent"
        label="Remember recent lookups"
        description="Keep the names you typed on this device, to offer them again in the quick box."
        checked={settings.rememberRecent}
        onToggle={(rememberRecent) => save({ ...settings, rememberRecent })}
      />
      <div class="button-row">
        <button type="button" aria-describedby="recent-count" onClick={() => void clear()}>
          Clear recent lookups
        </button>
        <span id="recent-count" class="hint">
          {recentCount === undefined ? '' : recentCount === 0 ? 'None remembered.' : `${recentCount} remembered.`}
        </span>
      </div>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <p class="note">
        The names you look up go only to the resolver you chose above (and, with fallback on, to the resolver that stands in for it). MXray has no server of its
        own, sends no telemetry and no analytics, and keeps recent lookups only in this browser.
      </p>
    </section>
  );
}
