/**
 * Bounds for reading MIME structure out of attacker-controlled mail (issue #22): a bounce is read
 * for a handful of small parts, so anything past these limits is dropped with a note, never
 * followed. One place for the numbers, so the splitter, the decoder and the walker agree.
 */
export const MIME_LIMITS = {
  /** Multiparts inside multiparts: a DSN needs two (mixed > report); three leaves room for a wrapper. */
  maxDepth: 3,
  /** Leaf parts kept from one message, all levels together. */
  maxParts: 50,
  /** Bytes of one part's body kept, before and after transfer decoding. */
  maxPartBytes: 2 * 1024 * 1024,
  /** Bytes of a part's header block read; the rest of a longer block is treated as body. */
  maxHeaderBytes: 64 * 1024,
  /** Header fields kept per part. */
  maxHeaderFields: 200,
  /** RFC 2046 §5.1.1 allows 70 characters; a little more is tolerated, anything longer is refused. */
  maxBoundaryLength: 200,
  /** Characters of a Content-Type value read. */
  maxFieldValue: 4096,
} as const;
