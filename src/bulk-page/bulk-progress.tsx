/** The run's progress bar (done/total, rate, time left) and its pause, resume and cancel buttons. */
import { formatSeconds, progressOf } from '../core/bulk';
import type { BulkJobView } from '../shared/bulk-messages';
import { count } from './count';

export function BulkProgress(props: { job: BulkJobView; onCommand: (type: 'pause' | 'resume' | 'cancel' | 'discard') => void }) {
  const { job } = props;
  const progress = progressOf(job.done, job.total, job.runningMs);
  const percent = job.total === 0 ? 100 : (job.done / job.total) * 100;
  const state = job.status === 'running' ? 'Checking' : job.status === 'paused' ? 'Paused' : job.status === 'cancelled' ? 'Cancelled' : 'Done';
  return (
    <section class="progress" aria-label="Progress">
      <div class="row">
        <strong>{state}</strong>
        <span data-testid="progress-text">
          {count(job.done)} of {count(job.total)} domains
          {progress.rate > 0 && ` · ${Math.round(progress.rate)} domains/s`}
          {job.status === 'running' && progress.secondsLeft !== undefined && ` · about ${formatSeconds(progress.secondsLeft)} left`}
        </span>
        {job.status === 'running' && <button onClick={() => props.onCommand('pause')}>Pause</button>}
        {(job.status === 'paused' || job.status === 'cancelled') && (job.done < job.total || job.storageFull) && (
          <button onClick={() => props.onCommand('resume')}>Resume</button>
        )}
        {(job.status === 'running' || job.status === 'paused') && <button onClick={() => props.onCommand('cancel')}>Cancel</button>}
        {job.status !== 'running' && <button onClick={() => props.onCommand('discard')}>New list</button>}
      </div>
      {job.storageFull && <StorageFull job={job} />}
      <div class="progress-track" role="progressbar" aria-label="Domains checked" aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={job.done}>
        <div class="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </section>
  );
}

/** Storage refused the rows (src/background/bulk/bulk-runner.ts, `stopForStorage`): what happened and what to do. */
function StorageFull({ job }: { job: BulkJobView }) {
  const rows = `${job.done.toLocaleString('en')} finished ${job.done === 1 ? 'row is' : 'rows are'} kept`;
  return (
    <p role="alert" class="storage-full">
      {job.status === 'paused'
        ? `Storage is full: the run is paused. Its ${rows}; export them, free space, then resume.`
        : `Storage is full: the last rows could not be saved. The ${rows} in this browser until it closes; export them, free space, then resume.`}
    </p>
  );
}
