/** Names inside record data, as both codecs read them and as a zone file writes them. */
import { JsonAnswerError } from '../json-answer-error';

/** The wire codec spells the root name "."; MXray keeps names without the root dot, so root is "". */
export function rootToEmpty(name: unknown): string {
  const text = String(name);
  return text === '.' ? '' : text;
}

export function stripDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** A name as a zone file writes it: fully qualified, the root alone as "." (RFC 1035 §5.1). */
export function presentName(name: string): string {
  return `${stripDot(name)}.`;
}

/**
 * A name in presentation form as a wire name could be: at most 255 octets, labels of at most 63
 * (RFC 1035 §2.3.4; `\DDD` and `\X` escapes count as one octet). A JSON answer can say anything,
 * so a name no DNS message could carry makes the answer unusable, as on the wire.
 */
export function checkedName(text: string): string {
  const name = stripDot(text);
  if (name === '') return name;
  let wire = 1;
  for (const label of name.split(/(?<!\\)\./)) {
    const octets = new TextEncoder().encode(label.replace(/\\(\d{3}|.)/g, 'x')).byteLength;
    if (octets === 0 || octets > 63) throw new JsonAnswerError(`a name with a label of ${octets} octets ("${name.slice(0, 40)}…")`);
    wire += octets + 1;
  }
  if (wire > 255) throw new JsonAnswerError(`a name of ${wire} octets, longer than DNS allows (255)`);
  return name;
}
