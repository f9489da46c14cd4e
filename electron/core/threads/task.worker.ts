/**
 * Entry of the task thread (bundled to dist/workers/tasks.cjs; see run-in-thread.ts): one task per thread,
 * on a connection of its own — read-only for a reading task, so it can never write by mistake.
 */
import { parentPort } from 'node:worker_threads';
import { openDatabase, openReadOnly } from '../db/open';
import { AppError } from '../errors';
import { createJob } from '../jobs';
import { THREAD_TASKS } from '../thread-tasks';
import { movable, type TaskReply, type TaskRequest } from './run-in-thread';

const reply = (r: TaskReply) => parentPort?.postMessage(r, r.type === 'done' && r.value instanceof Uint8Array ? movable([r.value]) : []);
const controller = new AbortController();

const writable = (dbPath: string) => {
  const db = openDatabase(dbPath);
  return { db, close: () => db.close() };
};

const abortedOf = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')!.get!;

/**
 * The signal also reads the main process's shared cancel flag, so a task busy in one synchronous transaction
 * sees the cancel at its next check (the 'cancel' message waits for this thread's event loop, which it blocks).
 */
function watchFlag(flag: SharedArrayBuffer): void {
  const cell = new Int32Array(flag);
  Object.defineProperty(controller.signal, 'aborted', {
    get(this: AbortSignal) {
      if (!abortedOf.call(this) && Atomics.load(cell, 0) === 1) controller.abort();
      return abortedOf.call(this) as boolean;
    },
  });
}

async function run(m: Extract<TaskRequest, { type: 'run' }>): Promise<unknown> {
  watchFlag(m.cancelFlag);
  const task = THREAD_TASKS.find((t) => t.name === m.name);
  if (!task) throw new AppError('INTERNAL', `没有名为「${m.name}」的后台任务`);
  const conn = task.writes ? writable(m.dbPath) : openReadOnly(m.dbPath);
  const job = createJob(m.name, controller, (label, done, total) => reply({ type: 'progress', label, done, total }));
  try {
    return await task.run({ db: conn.db, now: new Date(m.nowIso), actor: m.actor, progress: (l, d, t, f) => job.progress(l, d, t, f), signal: controller.signal }, m.input as never);
  } finally {
    conn.close();
  }
}

parentPort?.on('message', (m: TaskRequest) => {
  if (m.type === 'cancel') {
    controller.abort();
    return;
  }
  run(m).then(
    (value) => reply({ type: 'done', value }),
    (e: unknown) =>
      reply({
        type: 'error',
        error: e instanceof AppError ? e.toData() : { code: 'INTERNAL', message: `后台任务出错，没有更改任何数据（${(e as Error).message}）` },
      }),
  );
});

reply({ type: 'ready' });
