/**
 * What every stored shape shares (src/core/storage, and the facts of src/core/history): a version
 * number on the record, a migration per version step, and a reader that never throws. A record
 * without `version` is version 1: the shape before versions (what release 0.1.0 wrote). A record
 * from a newer MXray (a higher version) is not read: it is skipped and counted, never guessed at.
 * At the root of src/core, importing nothing, so history (facts) and storage both use it.
 */

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

export const readOk = <T>(value: T): Read<T> => ({ ok: true, value });
export const readFail = <T = never>(reason: string): Read<T> => ({ ok: false, reason });

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const isOptional = (value: unknown, check: (v: unknown) => boolean): boolean => value === undefined || check(value);

/** The record's version: its `version` field, or 1 without one; undefined when the field is not a whole number from 1 up. */
export function versionOf(raw: Record<string, unknown>): number | undefined {
  if (!('version' in raw) || raw.version === undefined) return 1;
  return Number.isInteger(raw.version) && (raw.version as number) >= 1 ? (raw.version as number) : undefined;
}

/** One version step: the record of version N (an object) in the shape of version N + 1. */
export type Step = (raw: Record<string, unknown>) => Record<string, unknown>;

export interface Shape<T> {
  /** What a person calls one record, for the reasons ("history record"). */
  what: string;
  current: number;
  /** `steps[n]` turns version n into version n + 1, for every n from 1 to current - 1. */
  steps: Record<number, Step>;
  /** Checks a record of the current version; never throws. */
  validate: (raw: Record<string, unknown>) => Read<T>;
}

/** Any stored value -> the current shape, through every step from its version, or why not. Never throws. */
export function migrate<T>(shape: Shape<T>, raw: unknown): Read<T> {
  if (!isObject(raw)) return readFail(`the ${shape.what} is not an object`);
  let version = versionOf(raw);
  if (version === undefined) return readFail(`the ${shape.what} has a version that is not a whole number (${JSON.stringify(raw.version)})`);
  if (version > shape.current) return readFail(`the ${shape.what} is from a newer MXray (version ${version}; this one reads up to ${shape.current})`);
  let value: Record<string, unknown> = raw;
  try {
    for (; version < shape.current; version++) {
      const step = shape.steps[version];
      if (!step) return readFail(`no migration of the ${shape.what} from version ${version}`);
      value = step(value);
    }
    return shape.validate(value);
  } catch (error) {
    // A step meeting a shape it did not expect: the record is damaged, not the reader.
    return readFail(`the ${shape.what} could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Reads every record of a list: the good ones, and how many did not read (with the first reason). */
export function readAll<T>(read: (raw: unknown) => Read<T>, list: readonly unknown[]): { values: T[]; skipped: number; firstReason?: string } {
  const values: T[] = [];
  let skipped = 0;
  let firstReason: string | undefined;
  for (const raw of list) {
    const result = read(raw);
    if (result.ok) values.push(result.value);
    else {
      skipped++;
      firstReason ??= result.reason;
    }
  }
  return firstReason === undefined ? { values, skipped } : { values, skipped, firstReason };
}
