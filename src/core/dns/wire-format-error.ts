/** Why a wire message cannot be read: the one error the wire codec throws (wire-layout.ts, wire-codec.ts). */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}
