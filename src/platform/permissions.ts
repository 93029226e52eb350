/**
 * Optional host permissions, asked for when a feature needs them (a custom resolver's origin).
 * Must be called from a user gesture (a click), as browsers require for permission prompts.
 */
import { extensionApi } from './extension-api';

export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

export async function hasOrigin(url: string): Promise<boolean> {
  return extensionApi.permissions.contains({ origins: [originPattern(url)] });
}

export async function requestOrigin(url: string): Promise<boolean> {
  return extensionApi.permissions.request({ origins: [originPattern(url)] });
}
