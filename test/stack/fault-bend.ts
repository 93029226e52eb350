// Fault modes that bend a real answer from knotd at the byte level, the ways a hostile resolver
// can and a zone file cannot (issue #16): keep the records but change the rcode, give the
// answer records another class, make a record's RDLENGTH lie, or (JSON) set any Status.
//
//   /answer-rcode/<n>   the rcode bits set to n (0-15), records kept: NXDOMAIN carrying an MX
//   /answer-class/<n>   every answer record's class set to n (3 = CH, 4 = HS)
//   /rdlength/<n>       the first answer record's RDLENGTH set to n (500: past the end)
//   /json-status/<n>    the JSON answer's Status set to n (99: no such rcode)

export const BEND_MODES = ['answer-rcode', 'answer-class', 'rdlength', 'json-status'] as const;
export type BendMode = (typeof BEND_MODES)[number];
export type Bends = Partial<Record<BendMode, number>>;

function skipName(buf: Buffer, offset: number): number {
  let p = offset;
  for (;;) {
    const length = buf[p];
    if (length === undefined) return buf.length;
    if (length === 0) return p + 1;
    if ((length & 0xc0) === 0xc0) return p + 2;
    p += 1 + length;
  }
}

/** Offsets of the answer records' TYPE fields. */
function answerOffsets(buf: Buffer): number[] {
  const offsets: number[] = [];
  let p = 12;
  for (let i = 0; i < buf.readUInt16BE(4); i++) p = skipName(buf, p) + 4;
  for (let i = 0; i < buf.readUInt16BE(6) && p + 10 <= buf.length; i++) {
    p = skipName(buf, p);
    offsets.push(p);
    p += 10 + buf.readUInt16BE(p + 8);
  }
  return offsets;
}

export function bendWire(bends: Bends, answer: Buffer): Buffer {
  if (answer.length < 12) return answer;
  const out = Buffer.from(answer);
  if (bends['answer-rcode'] !== undefined) out[3] = (out[3]! & 0xf0) | (bends['answer-rcode'] & 0x0f);
  const offsets = answerOffsets(out);
  if (bends['answer-class'] !== undefined) for (const at of offsets) out.writeUInt16BE(bends['answer-class'] & 0xffff, at + 2);
  if (bends.rdlength !== undefined && offsets[0] !== undefined) out.writeUInt16BE(bends.rdlength & 0xffff, offsets[0] + 8);
  return out;
}

export function bendJson<T extends { Status: number }>(bends: Bends, json: T): T {
  return bends['json-status'] === undefined ? json : { ...json, Status: bends['json-status'] };
}
