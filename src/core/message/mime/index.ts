/** Bounded MIME reading (RFC 2045, RFC 2046) for bounces: the `src/core/message/mime` public API. */
export { parseContentType, defaultContentType, type ContentType } from './content-type';
export { readPartHead, fieldValue, type PartHead } from './part-headers';
export { splitMultipart, type MultipartSplit } from './split-multipart';
export { decodeTransferEncoding, type Decoded } from './transfer-encoding';
export { walkMime, type MimeLeaf, type MimeWalk } from './walk-mime';
export { MIME_LIMITS } from './mime-limits';
