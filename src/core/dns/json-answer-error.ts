/** Why a JSON answer cannot be read: the one error `decodeJsonMessage` throws. */
export class JsonAnswerError extends Error {
  override readonly name = 'JsonAnswerError';
}
