/**
 * What a page changed in the settings: the fields of `next` that differ from `shown`, the
 * settings the page showed when the person acted. Only these are sent to be saved, so a field
 * another tab changed meanwhile, which this page had not heard of yet, is not put back.
 */
import type { Settings } from '../shared/settings';

export function settingsChange(shown: Settings, next: Settings): Partial<Settings> {
  const change: Partial<Record<keyof Settings, unknown>> = {};
  for (const key of Object.keys(next) as (keyof Settings)[]) {
    // Settings are JSON data (booleans, strings, lists, the resolver's small object).
    if (JSON.stringify(next[key]) !== JSON.stringify(shown[key])) change[key] = next[key];
  }
  return change as Partial<Settings>;
}
