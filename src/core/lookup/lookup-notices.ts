/**
 * What a running lookup says about itself while people wait (report.notices), so a slow
 * resolver never leaves a bare "Looking up…" on screen: the moment a question is hedged
 * (doh/hedged-ask.ts), "Cloudflare is slow to answer; also asking Google." goes out in the next
 * snapshot, about a second after the question was asked.
 */
import type { ResolverNotice } from '../doh/hedged-ask';
import type { LookupNotice } from '../report';

export class LookupNotices {
  constructor(
    private readonly target: { notices?: LookupNotice[]; startedAt: number },
    private readonly now: () => number,
    /** Asks for a snapshot soon (the lookup's scheduleEmit). */
    private readonly changed: () => void,
  ) {}

  /** Passed to every question of the lookup (`QueryOptions.onNotice`). */
  readonly onNotice = (notice: ResolverNotice): void => {
    const message = slowSentence(notice);
    const notices = (this.target.notices ??= []);
    // Said again (another question hedged the same way): one entry, moved to now.
    const again = notices.findIndex((n) => n.message === message);
    if (again >= 0) notices.splice(again, 1);
    notices.push({ code: notice.code, message, atMs: Math.round(this.now() - this.target.startedAt) });
    this.changed();
  };
}

export function slowSentence(notice: ResolverNotice): string {
  const slow = notice.slow.length > 0 ? notice.slow : ['The resolver'];
  const names = slow.length === 1 ? slow[0]! : `${slow.slice(0, -1).join(', ')} and ${slow.at(-1)!}`;
  return `${names} ${slow.length === 1 ? 'is' : 'are'} slow to answer; also asking ${notice.next}.`;
}
