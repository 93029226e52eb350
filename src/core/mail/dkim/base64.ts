/**
 * Base64 to bytes without Node's Buffer (src/core runs in browsers too). DKIM `p=` values may
 * hold folding white space (RFC 6376 §3.6.1), which is not part of the data.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes, or `undefined` when the text is not valid base64 (RFC 4648 §4, padded). */
export function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/[ \t\r\n]+/g, '');
  if (!BASE64.test(compact)) return undefined;
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
