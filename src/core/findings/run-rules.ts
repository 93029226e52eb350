/**
 * The one findings pipeline: the routing checks (src/core/routing-checks) and each mail section's
 * findings (src/core/mail) are rules, `(facts) => Finding[]`, run the same way. Findings come
 * out problems first, then the verdict ("all good"), then notes, rule order kept within a
 * severity; a rule that throws is a bug in MXray, not a fact about the domain, and becomes one
 * `internal-error` warning naming the rule while the other rules still run.
 */
import type { Finding, Severity } from '../vocabulary';

export interface Rule<Facts> {
  /** Stable name, shown when the rule fails. */
  name: string;
  run: (facts: Facts) => Finding[];
}

// Problems first, then the verdict, then notes: the verdict reads as the headline, not a footnote.
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, ok: 2, info: 3 };

/** Most severe first; Array.prototype.sort is stable (ES2019), so the given order survives within a severity. */
export function bySeverity(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export interface RuleRun {
  findings: Finding[];
  /** Some rule threw (its findings are missing, so no "all good" may be claimed). */
  failed: boolean;
}

/** Runs every rule, unsorted; a throwing rule becomes an internal-error finding. */
export function runRules<Facts>(facts: Facts, rules: readonly Rule<Facts>[]): RuleRun {
  const findings: Finding[] = [];
  let failed = false;
  for (const rule of rules) {
    try {
      findings.push(...rule.run(facts));
    } catch (error) {
      failed = true;
      findings.push(internalError(rule.name, error));
    }
  }
  return { findings, failed };
}

export function internalError(name: string, error: unknown): Finding {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    code: 'internal-error',
    severity: 'warn',
    message: `MXray's "${name}" check failed (${detail}), so its findings are missing from this report. This is a bug in MXray, not a problem with the domain; please report it.`,
    subject: name,
  };
}
