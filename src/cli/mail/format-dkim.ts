/**
 * The DKIM section for `mxray --all`: each key found, what `_domainkey` says about selectors not
 * tried, then the selectors tried. DNS text goes through `terminalSafe`.
 */
import { selectorsWithKeys } from '../../core/mail/dkim/domainkey';
import { dkimKeyNotes, dkimKeyText, dkimOutcomeText, dkimSummaryText } from '../../core/mail/dkim/dkim-wording';
import type { DkimSection } from '../../core/mail/dkim/types';
import { terminalSafe } from '../terminal-safe';

export function formatDkim(section: DkimSection): string[] {
  if (section.selectors.length === 0) return ['looking for DKIM keys…'];
  const lines = [dkimSummaryText(section)];
  const outcome = dkimOutcomeText(section);
  if (outcome) lines.push(terminalSafe(outcome));
  const found = selectorsWithKeys(section);
  const width = Math.max(0, ...found.map((result) => result.selector.length));
  for (const result of found) {
    for (const key of result.keys) {
      const notes = dkimKeyNotes(key);
      lines.push(`${result.selector.padEnd(width)}  ${dkimKeyText(key)}${notes.length > 0 ? `  (${terminalSafe(notes.join('; '))})` : ''}`);
    }
  }
  lines.push(`tried: ${section.selectors.map((result) => result.selector).join(' ')}`);
  if (section.ignoredSelectors.length > 0) lines.push(`not selectors, not asked: ${section.ignoredSelectors.map(terminalSafe).join(', ')}`);
  return lines;
}
