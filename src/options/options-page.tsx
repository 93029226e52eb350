/** The options page: resolver, lookups, privacy, appearance. Every change is saved at once. */
import { useLayoutEffect, useState } from 'preact/hooks';
import { AppearanceSection } from './appearance-section';
import { LookupSection } from './lookup-section';
import type { OptionsActions } from './options-actions';
import { PrivacySection } from './privacy-section';
import { ResolverSection } from './resolver-section';
import { HistorySection } from './history/history-section';
import { WatchSection } from './history/watch-section';
import { BackupSection } from './storage/backup-section';
import { UnreadableNote } from './storage/unreadable-note';
import { applyTheme } from '../ui/theme';
import { useSavedSettings } from './use-saved-settings';

export interface OptionsPageProps {
  actions: OptionsActions;
  version: string;
}

export function OptionsPage({ actions, version }: OptionsPageProps) {
  const { settings, latest, save, status, setStatus, problem } = useSavedSettings(actions);
  const theme = settings?.theme ?? 'system';
  // Layout effect: the new colours are there in the same frame as the new setting.
  useLayoutEffect(() => applyTheme(document.documentElement, theme), [theme]);
  const saveQuietly = (next: Parameters<typeof save>[0]) => void save(next);
  // Bumped by an import: the Watch and History views and the note read everything again.
  const [generation, setGeneration] = useState(0);

  return (
    <>
      <header class="page-header">
        <img src="icons/icon-32.png" srcset="icons/icon-32.png 1x, icons/icon-128.png 4x" alt="" width={32} height={32} />
        <h1>MXray options</h1>
        <a href="bulk.html" target="_blank" rel="noreferrer">
          Check a list of addresses or domains
        </a>
        <a href="message.html" target="_blank" rel="noreferrer">
          Explain a message
        </a>
        <p class="save-status" role="status">
          {status}
        </p>
      </header>
      <main>
        {problem && (
          <p class="problem banner" role="alert">
            {problem}
          </p>
        )}
        {actions.storage && <UnreadableNote actions={actions.storage} generation={generation} />}
        {settings && (
          <>
            <ResolverSection saved={settings} latest={latest} save={save} actions={actions} />
            <LookupSection settings={settings} save={saveQuietly} />
            <PrivacySection settings={settings} save={saveQuietly} actions={actions} setStatus={setStatus} />
            <AppearanceSection settings={settings} save={saveQuietly} />
            {actions.history && <WatchSection key={`watch-${generation}`} actions={actions.history} />}
            {actions.history && <HistorySection key={`history-${generation}`} settings={settings} save={saveQuietly} actions={actions.history} />}
            {actions.storage && <BackupSection actions={actions.storage} onImported={() => setGeneration((n) => n + 1)} />}
          </>
        )}
      </main>
      <footer class="page-footer">
        <p>MXray {version} · where does the mail go, over DNS-over-HTTPS</p>
      </footer>
    </>
  );
}
