// Types for scripts/build-release.mjs (used by the upgrade e2e and the browser bench).

export const RELEASES: Record<string, string>;
export function buildRelease(ref: string, out: string): { commit: string; out: string; cached: boolean };
