import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter';

/** A task that stays running until released, recording when it started. */
function gate(log: string[], name: string) {
  let release = () => undefined as void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    task: async () => {
      log.push(name);
      await done;
    },
    release: () => release(),
  };
}

describe('Limiter', () => {
  it('runs at most `limit` tasks at once, the rest in order', async () => {
    const limiter = new Limiter(2);
    const log: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((name) => gate(log, name));
    const runs = gates.map((g) => limiter.run(g.task));
    await Promise.resolve();
    expect(log).toEqual(['a', 'b']);
    gates[0]!.release();
    await runs[0];
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['a', 'b', 'c']);
    gates.forEach((g) => g.release());
    await Promise.all(runs);
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    expect(limiter.peak).toBe(2);
  });

  it('lets waiting normal tasks (mail routing) go before waiting background ones (diagnostics)', async () => {
    const limiter = new Limiter(1);
    const log: string[] = [];
    const first = gate(log, 'first');
    const background = [gate(log, 'bl-1'), gate(log, 'bl-2')];
    const normal = gate(log, 'ptr');
    const runs = [limiter.run(first.task), ...background.map((g) => limiter.run(g.task, 'background')), limiter.run(normal.task)];
    for (const g of [first, normal, ...background]) g.release();
    await Promise.all(runs);
    expect(log).toEqual(['first', 'ptr', 'bl-1', 'bl-2']);
  });
});
