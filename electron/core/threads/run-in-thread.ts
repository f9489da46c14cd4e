import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/error-codes';
import type { DB } from '../db/open';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { ThreadTask } from './task';

/**
 * What a task needs of the app context (AppContext satisfies it). Structural, so context.ts itself can run its
 * backup in the thread without an import cycle (context → run-in-thread → context).
 */
export interface ThreadHost {
  readonly db: DB;
  readonly paths: { readonly dbPath: string };
  readonly logger: Logger;
  clock(): Date;
  actor(): string;
}

/** What a task needs of its job (jobs.ts's Job satisfies it): progress out, cancel in. */
export interface ThreadJob {
  readonly signal: AbortSignal;
  progress(label: string, done: number, total: number | null, force?: boolean): void;
}

/** What the main process sends to the task thread, and what it answers. */
/**
 * `cancelFlag`: one Int32 the main process sets to 1 on cancel. A task that runs synchronously (one SQLite
 * transaction) never lets its thread's event loop see the cancel message, so its signal reads this flag.
 */
export type TaskRequest = { type: 'run'; name: string; input: unknown; dbPath: string; nowIso: string; actor: string; cancelFlag: SharedArrayBuffer } | { type: 'cancel' };
export type TaskReply =
  | { type: 'ready' }
  | { type: 'progress'; label: string; done: number; total: number | null }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: { code: string; message: string; details?: unknown } };

/** The bundled task thread beside this bundle (dist/<entry>/x.cjs → dist/workers/tasks.cjs). */
export function taskScript(): string | null {
  const override = process.env.LEDGER_TASK_THREAD;
  if (override) return override === 'off' ? null : override;
  const file = path.join(__dirname, '..', 'workers', 'tasks.cjs');
  return fs.existsSync(file) ? file : null;
}

/**
 * Runs `task` in the task thread, or here when the thread cannot start (then the main process is busy for
 * the task's length, as before; the log says so). Progress and cancel travel as messages; an error keeps
 * its code and Chinese message. `handOver`: byte arrays of the input the caller gives up (moved, not copied);
 * a byte array the task answers comes back moved too.
 */
export async function runInThread<I, O>(ctx: ThreadHost, job: ThreadJob, task: ThreadTask<I, O>, input: I, handOver: readonly Uint8Array[] = []): Promise<O> {
  const script = taskScript();
  if (script) {
    const r = await inWorker<O>(ctx, job, task, input, script, handOver);
    if (r.ran) return r.value;
    ctx.logger.warn('task thread unavailable; running in the main process', { task: task.name, reason: r.reason });
  }
  return task.run({ db: ctx.db, now: ctx.clock(), actor: ctx.actor(), progress: (l, d, t, f) => job.progress(l, d, t, f), signal: job.signal }, input);
}

/**
 * The buffers of large byte arrays, to move to the other thread instead of copying them (a year's printed
 * records are hundreds of MB: copied, both threads would hold them). Only a view that owns its whole buffer is
 * moved: a small Node Buffer is a slice of a shared pool, and moving that would empty every Buffer in it.
 */
export function movable(arrays: readonly Uint8Array[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) {
    if (a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.byteLength >= 64 * 1024) out.add(a.buffer);
  }
  return [...out];
}

function inWorker<O>(ctx: ThreadHost, job: ThreadJob, task: ThreadTask<unknown, unknown>, input: unknown, script: string, handOver: readonly Uint8Array[]): Promise<{ ran: true; value: O } | { ran: false; reason: string }> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch (e) {
      resolve({ ran: false, reason: (e as Error).message });
      return;
    }
    let ready = false;
    let settled = false;
    const cancelFlag = new SharedArrayBuffer(4);
    const cancel = () => {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      worker.postMessage({ type: 'cancel' } satisfies TaskRequest);
    };
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', cancel);
      void worker.terminate();
      f();
    };
    job.signal.addEventListener('abort', cancel);
    worker.on('message', (m: TaskReply) => {
      if (m.type === 'ready') {
        ready = true;
        const run: TaskRequest = { type: 'run', name: task.name, input, dbPath: ctx.paths.dbPath, nowIso: ctx.clock().toISOString(), actor: ctx.actor(), cancelFlag };
        // `handOver`: the caller's large inputs move to the thread and are unusable here afterwards.
        worker.postMessage(run, movable(handOver));
        if (job.signal.aborted) cancel();
      } else if (m.type === 'progress') job.progress(m.label, m.done, m.total, true);
      else if (m.type === 'done') finish(() => resolve({ ran: true, value: m.value as O }));
      else finish(() => reject(new AppError(m.error.code as ErrorCode, m.error.message, m.error.details)));
    });
    worker.on('error', (e) => {
      if (!ready) finish(() => resolve({ ran: false, reason: e.message }));
      else finish(() => reject(new AppError('INTERNAL', `后台任务出错，没有更改任何数据（${e.message}）`)));
    });
    worker.on('exit', (code) => finish(() => reject(new AppError('INTERNAL', `后台任务意外退出（${code}），没有更改任何数据`))));
  });
}
