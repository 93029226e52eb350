/** Reading what people type, paste or right-click: the `src/core/query` public API. */
export { parseQuery, tryParseQuery, type ParseResult } from './parse-query';
export { findQueryInText } from './find-query-in-text';
export { findAllEmailsInText } from './find-emails-in-text';
export { InvalidQuery, type InvalidQueryReason, type InvalidQueryJson } from './invalid-query';
export { MAX_INPUT_LENGTH } from './query-limits';
