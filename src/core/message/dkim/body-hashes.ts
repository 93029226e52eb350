/**
 * Body hashes of one message, computed once per canonicalisation and length: two signatures
 * with the same c= body mode and l= share one SHA-256 pass over what may be megabytes.
 */
import { bytesOf } from '../parse/byte-string';
import type { ByteString } from '../types';
import { canonicalizeBody } from './canonicalize';
import { sha256 } from './crypto';
import type { Canonicalization } from './signature-tags';

export class BodyHashes {
  private readonly cache = new Map<string, Promise<Uint8Array | undefined>>();

  constructor(private readonly body: ByteString) {}

  /** SHA-256 of the canonical body cut to `length` bytes, or undefined when l= is longer than the body (RFC 6376 §3.4.5). */
  hash(mode: Canonicalization, length: number | null): Promise<Uint8Array | undefined> {
    const key = `${mode}:${length ?? ''}`;
    let hash = this.cache.get(key);
    if (!hash) {
      const canonical = canonicalizeBody(this.body, mode, length);
      hash = canonical === undefined ? Promise.resolve(undefined) : sha256(bytesOf(canonical));
      this.cache.set(key, hash);
    }
    return hash;
  }
}
