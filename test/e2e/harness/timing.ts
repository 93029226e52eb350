// Timings measured by the end-to-end tests, written to test-results/e2e-timing.json (one key per
// measurement) so the figures can be quoted without reading test logs.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RESULTS_DIR } from './paths';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** Records samples (ms) under `name`, with their medians; returns what was written. */
export async function recordTiming(name: string, samples: Record<string, number[]>): Promise<Record<string, { samples: number[]; median: number }>> {
  const entry = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, { samples: values, median: median(values) }]));
  const file = join(RESULTS_DIR, 'e2e-timing.json');
  await mkdir(RESULTS_DIR, { recursive: true });
  const existing = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => ({}),
  );
  await writeFile(file, JSON.stringify({ ...existing, [name]: { measuredAt: new Date().toISOString(), ...entry } }, null, 2));
  return entry;
}
