import type { AppContext } from '../context';
import { withJob } from '../jobs';
import { runInThread } from './run-in-thread';
import type { ThreadTask } from './task';

/**
 * A task in the task thread as a job of its own: under the window's jobId (its progress:update events, its
 * cancel channel) or, without one, a fresh id nobody listens to. The job ends however the task does.
 */
export async function runJobInThread<I, O>(ctx: AppContext, jobId: string | undefined, task: ThreadTask<I, O>, input: I): Promise<O> {
  return withJob(ctx, jobId, (job) => runInThread(ctx, job, task, input));
}
