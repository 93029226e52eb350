// Chromium: the popup asks the first questions itself (scenarios/first-questions-scenarios.ts; Firefox runs the same).
import { chromium } from './drivers/chromium-driver';
import { firstQuestionsScenarios } from './scenarios/first-questions-scenarios';

firstQuestionsScenarios(chromium);
