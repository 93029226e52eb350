// Firefox: the popup asks the first questions itself (scenarios/first-questions-scenarios.ts; Chromium runs the same).
import { firefox } from '../drivers/firefox-driver';
import { firstQuestionsScenarios } from '../scenarios/first-questions-scenarios';

firstQuestionsScenarios(firefox);
