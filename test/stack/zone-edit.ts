// Changes a fixture zone while the stack runs, the way an operator edits DNS: a knotc
// transaction (zone-begin, zone-set/zone-unset, zone-commit) over knotd's control socket. Not
// written to disk (zonefile-sync -1, no journal), so the next stack start serves the file again.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { findBinary } from './binaries';
import type { StackInfo } from './stack-info';

export interface ZoneEdit {
  op: 'set' | 'unset';
  /** Owner relative to the zone (`cli`, `_dmarc.cli`) or absolute with a final dot. */
  owner: string;
  type: string;
  /** Presentation form, as in a zone file: `20 mx2.cli`, `"v=spf1 -all"`. For unset, omit to remove the whole RRset. */
  data?: string;
  ttl?: number;
}

function knotc(stack: Pick<StackInfo, 'dir'>, args: string[]): Promise<string> {
  const socket = join(stack.dir, 'knot', 'knot.sock');
  return new Promise((resolve, reject) => {
    execFile(findBinary('knotc'), ['-s', socket, ...args], { timeout: 10_000 }, (error, stdout, stderr) => {
      if (error || !/^OK/m.test(stdout)) reject(new Error(`knotc ${args.join(' ')} failed: ${stderr || stdout || error?.message}`));
      else resolve(stdout);
    });
  });
}

/** Applies the edits to `zone` in one transaction; on any failure the transaction is aborted. */
export async function editZone(stack: Pick<StackInfo, 'dir'>, zone: string, edits: ZoneEdit[]): Promise<void> {
  await knotc(stack, ['zone-begin', zone]);
  try {
    for (const edit of edits) {
      // knotc takes the record data as separate words; quoted TXT strings stay one word each.
      const data = edit.data === undefined ? [] : (edit.data.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? []);
      if (edit.op === 'set') await knotc(stack, ['zone-set', zone, edit.owner, String(edit.ttl ?? 300), edit.type, ...data]);
      else await knotc(stack, ['zone-unset', zone, edit.owner, edit.type, ...data]);
    }
    await knotc(stack, ['zone-commit', zone]);
  } catch (error) {
    await knotc(stack, ['zone-abort', zone]).catch(() => undefined);
    throw error;
  }
}
