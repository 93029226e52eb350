// vitest globalSetup: one DNS test stack (knotd + dnsdist DoH + fault server) for the whole run,
// described to every test file through `inject('stack')` (typed in stack-info.ts).
import type { TestProject } from 'vitest/node';
import { startStack } from './stack';
import './stack-info';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startStack();
  project.provide('stack', stack.info);
  return () => stack.stop();
}
