/**
 * One run of the service worker, from its start to the moment the browser stops it. MV3 stops
 * the worker whenever it likes; what it was doing then simply never goes on. Each run gets its
 * own edges (extension API, fetch, IndexedDB, timers: see worker-bundle.ts), which answer a
 * stopped run's late calls never, as nothing answers a stopped worker.
 */
export class WorkerRun {
  alive = true;
  /** IndexedDB connections this run opened: closed when it stops, so nothing it started can write after. */
  readonly connections: IDBDatabase[] = [];

  constructor(readonly id: number) {}

  stop(): void {
    this.alive = false;
    for (const connection of this.connections.splice(0)) connection.close();
  }
}

/** A promise that never settles and holds nothing: what a stopped run's pending call becomes. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/**
 * The run's `indexedDB`: the shared (fake) database, but a stopped run opens nothing, and the
 * connections it opened are closed when it stops.
 */
export function indexedDbFor(run: WorkerRun, factory: IDBFactory): IDBFactory {
  return {
    open(name: string, version?: number) {
      if (!run.alive) throw new DOMException('The worker was stopped.', 'InvalidStateError');
      const request = factory.open(name, version);
      request.addEventListener('success', () => {
        if (run.alive) run.connections.push(request.result);
        else request.result.close();
      });
      return request;
    },
    deleteDatabase: (name: string) => factory.deleteDatabase(name),
    cmp: (a: unknown, b: unknown) => factory.cmp(a, b),
    databases: () => factory.databases(),
  };
}
