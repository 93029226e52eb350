// Chromium: the scorecard on top of "Mail setup" (issue #23) and the DANE section, the MTA-STS
// permission prompt included, as written once in scenarios/scorecard-scenarios.ts (Firefox runs
// the same: firefox/scorecard.e2e.test.ts). Screenshots light and dark, copied to docs/screenshots/.
import { chromium } from './drivers/chromium-driver';
import { scorecardScenarios } from './scenarios/scorecard-scenarios';

scorecardScenarios(chromium);
