/** The words for a blocklist result, shared by the section's table and the CLI. */
import type { BlocklistResult } from './types';

export function blocklistStateText(result: BlocklistResult): string {
  switch (result.state) {
    case 'pending':
      return '…';
    case 'listed':
      return result.labels.length > 0 ? `listed: ${result.labels.join(', ')}` : 'listed';
    case 'not-listed':
      return 'not listed';
    case 'refused':
      return 'refused';
    case 'bad-answer':
      return 'bad answer';
    case 'error':
      return result.status && result.status !== 'error' ? `failed (${result.status.toUpperCase()})` : 'failed';
    case 'not-checked':
      return result.notChecked === 'ipv4-only-list' ? 'IPv4 only' : 'not checked';
  }
}
