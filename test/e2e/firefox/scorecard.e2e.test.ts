// Firefox: the scorecard on top of "Mail setup" (issue #23) and the DANE section, the MTA-STS
// permission doorhanger included, as written once in scenarios/scorecard-scenarios.ts (Chromium
// runs the same: scorecard.e2e.test.ts). Screenshots light and dark, copied to docs/screenshots/.
import { firefox } from '../drivers/firefox-driver';
import { scorecardScenarios } from '../scenarios/scorecard-scenarios';

scorecardScenarios(firefox);
