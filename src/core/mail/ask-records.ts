/**
 * The one-question sections (MTA-STS's record, TLS-RPT, BIMI): ask `name TXT` and keep the
 * records of their kind (`v=STSv1`, `v=TLSRPTv1`, `v=BIMI1`). Never rejects.
 */
import type { AnswerStatus } from '../vocabulary';
import type { ProbeContext } from './probe-context';

export async function askRecords(
  context: ProbeContext,
  name: string,
  isRecord: (text: string) => boolean,
): Promise<{ status: AnswerStatus; records: string[] }> {
  if (context.signal?.aborted) return { status: 'skipped', records: [] };
  try {
    const answer = await context.ask(name, 'TXT');
    return { status: answer.status, records: answer.values.filter(isRecord) };
  } catch {
    return { status: 'error', records: [] };
  }
}
