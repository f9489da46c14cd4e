/**
 * Long work as jobs — imports, exports, the dues computation, 编号, the binder, backups: each has an
 * AbortController (its `….…Cancel` channel aborts it) and reports progress as `progress:update` events under the
 * client's jobId. Between chunks the work yields to the event loop, so the main process keeps answering the
 * window (and the cancel request) while a 100,000-row file is read.
 */
import type { AppContext } from './context';
import { AppError } from './errors';

const jobsByContext = new WeakMap<AppContext, Map<string, AbortController>>();

const jobsOf = (ctx: AppContext) => {
  let jobs = jobsByContext.get(ctx);
  if (!jobs) jobsByContext.set(ctx, (jobs = new Map()));
  return jobs;
};

export const CANCELLED_MESSAGE = '导入已取消，没有写入任何数据';

/** Throws CANCELLED, in the job's own words for what was left undone, once the clerk pressed 取消. */
export function throwIfCancelled(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted) throw new AppError('CANCELLED', message);
}

export interface Job {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Emits progress; calls closer than ~100 ms apart are dropped except the last of a phase. */
  progress(label: string, done: number, total: number | null, force?: boolean): void;
  /** Throws CANCELLED when the job was cancelled. */
  check(): void;
  /** Lets the event loop run (other requests, the cancel) and then checks for cancellation. */
  yield(): Promise<void>;
}

export function startJob(ctx: AppContext, jobId: string | undefined): Job & { end(): void } {
  const id = jobId ?? `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const jobs = jobsOf(ctx);
  if (jobs.has(id)) throw new AppError('CONFLICT', '同一个任务已在进行中，请等它结束或取消后再试');
  const controller = new AbortController();
  jobs.set(id, controller);
  const job = createJob(id, controller, (label, done, total) => ctx.events.emit('progress:update', { jobId: id, label, done, total }));
  return { ...job, end: () => jobs.delete(id) };
}

/** A job anywhere (the main process, or the import thread whose progress travels as messages). */
export function createJob(id: string, controller: AbortController, emit: (label: string, done: number, total: number | null) => void): Job {
  let last = 0;
  const check = () => throwIfCancelled(controller.signal, CANCELLED_MESSAGE);
  return {
    id,
    signal: controller.signal,
    progress(label, done, total, force = false) {
      const now = Date.now();
      if (!force && now - last < 100) return;
      last = now;
      emit(label, done, total);
    },
    check,
    yield: () =>
      new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          try {
            check();
            resolve();
          } catch (e) {
            reject(e as Error);
          }
        }),
      ),
  };
}

/** `work` as a job: under the window's jobId (progress:update, its cancel channel) or a fresh id; ended however it ends. */
export async function withJob<T>(ctx: AppContext, jobId: string | undefined, work: (job: Job) => Promise<T>): Promise<T> {
  const job = startJob(ctx, jobId);
  try {
    return await work(job);
  } finally {
    job.end();
  }
}

export function cancelJob(ctx: AppContext, jobId: string): boolean {
  const c = jobsOf(ctx).get(jobId);
  if (!c) return false;
  c.abort();
  return true;
}
