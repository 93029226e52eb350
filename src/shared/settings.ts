/** MXray's settings: defined (with their versions and migration) in src/core/storage/settings-record.ts, so the backup's core can read them. */
export * from '../core/storage/settings-record';
