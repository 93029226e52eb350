/**
 * One collapsible mail diagnostics section: a `<details>` whose summary names the section and
 * says, in a word, how it stands (checking, fine, or how many warnings and errors), so a person
 * scans the list and opens what needs them. Sections with errors or warnings start open.
 */
import type { ComponentChildren } from 'preact';
import type { Finding } from '../../core/report';
import { FindingItems } from '../findings-list';

export interface DiagnosticSectionProps {
  /** Stable id, used as the element's `data-section` (tests, styles). */
  id: string;
  title: string;
  findings: readonly Finding[] | undefined;
  /** Still waiting for answers. */
  pending: boolean;
  /** A few words on the gist, shown in the summary line: `Google Workspace`, `p=reject`. */
  gist?: string | undefined;
  /** Replaces the verdict when the section has nothing to judge yet: `off`, `on request`. */
  idle?: string;
  children?: ComponentChildren;
}

function verdict(findings: readonly Finding[], pending: boolean): { text: string; severity: Finding['severity'] | 'pending' } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warn').length;
  if (errors > 0)
    return { text: `${errors} error${errors === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`, severity: 'error' };
  if (warnings > 0) return { text: `${warnings} warning${warnings === 1 ? '' : 's'}`, severity: 'warn' };
  if (pending) return { text: 'checking…', severity: 'pending' };
  if (findings.some((f) => f.severity === 'ok')) return { text: 'OK', severity: 'ok' };
  return { text: findings.length > 0 ? 'note' : 'none', severity: 'info' };
}

export function DiagnosticSection({ id, title, findings = [], pending, gist, idle, children }: DiagnosticSectionProps) {
  const { text, severity } = idle ? { text: idle, severity: 'info' as const } : verdict(findings, pending);
  return (
    <details class="diag" data-section={id} open={severity === 'error' || severity === 'warn'}>
      <summary>
        <span class="diag-title">{title}</span>
        {gist && <span class="diag-gist">{gist}</span>}
        <span class={`diag-verdict verdict-${severity}`}>{text}</span>
      </summary>
      <div class="diag-body">
        {findings.length > 0 && <FindingItems findings={findings} />}
        {children}
      </div>
    </details>
  );
}
