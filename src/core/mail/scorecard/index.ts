export { scorecard } from './scorecard';
export { SCORECARD_RULES } from './scorecard-rules';
export { sendsNoMail } from './no-mail';
export { SCORECARD_IDS, SCORECARD_TITLES, STATUS_RANK, worstStatus, type ScorecardId, type ScorecardLine, type ScorecardStatus } from './types';
