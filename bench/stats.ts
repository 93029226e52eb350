// Small statistics for repeated runs. Medians, because a loopback benchmark on a shared 2-core
// machine has rare large outliers (GC pauses, the other processes' scheduling) that would drag a
// mean, while the median is the time a person would typically wait.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function min(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.min(...values);
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/** All equal: the value; otherwise "a-b" (counts should not vary between runs). */
export function sameOrRange(values: readonly number[]): string {
  const low = min(values);
  const high = max(values);
  return low === high ? String(low) : `${low}-${high}`;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
