/** Light, dark, or whatever the system uses. */
import type { Settings, Theme } from '../shared/settings';

const THEMES: readonly { id: Theme; name: string }[] = [
  { id: 'system', name: 'System' },
  { id: 'light', name: 'Light' },
  { id: 'dark', name: 'Dark' },
];

export function AppearanceSection({ settings, save }: { settings: Settings; save: (next: Settings) => void }) {
  return (
    <section class="card" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">Appearance</h2>
      <label class="field-label" for="theme">
        Theme
      </label>
      <select id="theme" value={settings.theme} onChange={(event) => save({ ...settings, theme: event.currentTarget.value as Theme })}>
        {THEMES.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {theme.name}
          </option>
        ))}
      </select>
    </section>
  );
}
