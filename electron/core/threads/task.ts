/**
 * A long job that runs in a thread of its own so the main process keeps drawing the window (in Electron it
 * draws nothing while busy): the member export, the undo of an import. A task is a plain function of a
 * database connection; `run-in-thread.ts` gives it a connection of its own in a worker, or the main
 * process's connection where no worker can start (vitest runs the sources, which have no bundle).
 */
import type { DB } from '../db/open';

export interface ThreadEnv {
  db: DB;
  now: Date;
  actor: string;
  /**
   * Progress as the job's own `progress:update` events; calls closer than ~100 ms apart are dropped unless
   * `force` (a phase's last step, which the window must see).
   */
  progress(label: string, done: number, total: number | null, force?: boolean): void;
  /** Aborted when the clerk cancels; a task checks it between chunks. */
  signal: AbortSignal;
}

export interface ThreadTask<I, O> {
  /** Key in electron/core/thread-tasks.ts, where the worker finds the same function by name. */
  name: string;
  /** A reading task gets a read-only connection in the worker. */
  writes: boolean;
  run(env: ThreadEnv, input: I): O | Promise<O>;
}

export const defineTask = <I, O>(task: ThreadTask<I, O>): ThreadTask<I, O> => task;
