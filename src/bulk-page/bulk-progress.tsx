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
        {(job.status === 'paused' || job.status === 'cancelled') && job.done < job.total && <button onClick={() => props.onCommand('resume')}>Resume</button>}
        {(job.status === 'running' || job.status === 'paused') && <button onClick={() => props.onCommand('cancel')}>Cancel</button>}
        {job.status !== 'running' && <button onClick={() => props.onCommand('discard')}>New list</button>}
      </div>
      <div class="progress-track" role="progressbar" aria-label="Domains checked" aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={job.done}>
        <div class="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </section>
  );
}
