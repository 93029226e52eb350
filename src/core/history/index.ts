/** History and change detection (issue #14): the facts of a lookup, and what changed between two. */
export {
  FACTS_VERSION,
  type MailFacts,
  type HostFacts,
  type PtrFacts,
  type RecordFacts,
  type RecordKind,
  type FindingFacts,
  type Verdict,
} from './facts-types';
export { factsOf } from './facts-of';
export { diffFacts, applyDiff, realChanges, type FactChange, type FactsDiff } from './diff-facts';
export { describeDiff, type ChangeItem } from './describe-diff';
export { changeSummary, timeAgo } from './summary';
export { resolverAgreement, mxSetOf, type ResolverAgreement } from './stale-resolver';
export { FACTS_FORMAT, factsFile, parseFactsFile, factsProblem, type FactsFile } from './facts-file';
export { HISTORY_NAMES, HISTORY_PER_NAME, withCheck, namesToEvict, matchesSearch, type NameHistory } from './history-bounds';
export { sinceLast, type SinceLast } from './since-last';
export * from './watch-schedule';
