/** How one answer's validation reads, the same in the popup and the CLI. */
import type { ValidatedAnswer } from './types';

export function validationText(answer: ValidatedAnswer): string {
  if (answer.status === 'pending') return '…';
  if (answer.status === 'ok' || answer.status === 'nodata' || answer.status === 'nxdomain') return answer.authenticated ? 'validated (AD)' : 'not validated';
  return answer.status.toUpperCase();
}
