/**
 * Typed request/response messages to the service worker (see `Requests` in src/shared/messages).
 * The worker answers `{ok, value}` or `{ok: false, error}`; an error becomes a rejected promise
 * with the worker's sentence.
 */
import type { RequestEnvelope, RequestName, Requests, ResponseEnvelope } from '../shared/messages';
import { extensionApi } from './extension-api';

export async function sendRequest<N extends RequestName>(request: N, payload: Requests[N][0]): Promise<Requests[N][1]> {
  const envelope: RequestEnvelope<N> = { request, payload };
  const response = (await extensionApi.runtime.sendMessage(envelope)) as ResponseEnvelope<N> | undefined;
  if (!response) throw new Error('The MXray background service did not answer. Close and reopen MXray.');
  if (!response.ok) throw new Error(response.error);
  return response.value;
}
