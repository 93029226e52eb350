/**
 * RFC 6761 §6 and RFC 6762 (`local`): reserved names that are not in the public suffix list but
 * are real top-level names on test and local networks (`mx.example.test`).
 */
export const SPECIAL_USE_TLDS: ReadonlySet<string> = new Set(['test', 'example', 'invalid', 'localhost', 'local']);
