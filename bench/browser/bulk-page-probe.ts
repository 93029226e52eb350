// What the bulk-page benchmark puts into bulk.html once it has loaded and the list is in, before
// the click that starts the run: on the page's clock (ms since its time origin), the click on
// "Check the list" (the event's own time stamp), when the first result row was added to the table
// and the progress bar first said done = total with the state "Done", and the animation frame
// after each (the frame that paints it); and every long task (PerformanceObserver 'longtask',
// buffered). Plain JavaScript text, evaluated as an expression by DevTools: the extension pages'
// CSP forbids eval, and a function's toString() would carry the TypeScript loader's helpers.

export interface LongTask {
  startMs: number;
  durationMs: number;
  /** The entry's attribution: `containerType containerName containerSrc`, per container. */
  attribution: string;
}

export interface BulkPageMarks {
  clickMs?: number;
  firstRowAddedMs?: number;
  firstRowMs?: number;
  doneAddedMs?: number;
  doneMs?: number;
  /** aria-valuenow when done: the domains the page counts as checked. */
  done?: number;
  longTasks: LongTask[];
}

export const BULK_MARKS_GLOBAL = '__mxrayBulkBench';

export const BULK_PAGE_PROBE_SOURCE = `(() => {
  const marks = { longTasks: [] };
  window.${BULK_MARKS_GLOBAL} = marks;
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      const attribution = (task.attribution || []).map((a) => [a.containerType, a.containerName, a.containerSrc].join(' ').trim()).join(', ');
      marks.longTasks.push({ startMs: task.startTime, durationMs: task.duration, attribution });
    }
  }).observe({ type: 'longtask', buffered: true });
  const nextFrame = (key) => requestAnimationFrame(() => { marks[key] = performance.now(); });
  addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (marks.clickMs === undefined && button && button.textContent.trim() === 'Check the list') marks.clickMs = event.timeStamp;
  }, true);
  const observer = new MutationObserver(() => {
    if (marks.clickMs === undefined) return;
    if (marks.firstRowAddedMs === undefined && document.querySelector('section[aria-label="Results"] tbody tr')) {
      marks.firstRowAddedMs = performance.now();
      nextFrame('firstRowMs');
    }
    const bar = document.querySelector('[role="progressbar"]');
    const state = document.querySelector('section.progress strong');
    if (marks.doneAddedMs === undefined && bar && state && state.textContent === 'Done' && bar.getAttribute('aria-valuenow') === bar.getAttribute('aria-valuemax')) {
      marks.doneAddedMs = performance.now();
      marks.done = Number(bar.getAttribute('aria-valuenow'));
      nextFrame('doneMs');
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-valuenow'] });
})()`;
