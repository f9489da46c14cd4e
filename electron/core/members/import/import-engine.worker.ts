/**
 * Worker thread entry of the import thread (bundled to dist/workers/import-engine.cjs; see import-engine.ts).
 * One task per thread: `run`, then possibly `cancel`; a commit asks the main process to `prepare` (backup,
 * saves held off) before its writer begins.
 */
import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { collectGarbage } from '../../gc';
import { openDatabase } from '../../db/open';
import type { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors';
import type { EngineReply, EngineRequest, EngineStart } from './import-engine';
import { createJob } from '../../jobs';
import { runTask, type ImportEnv } from './import-run';
import { errorData } from './import-writer';

/** Heap growth (bytes) between two full collections of the import thread. */
const HEADROOM = 64 * 1024 * 1024;

const reply = (r: EngineReply) => parentPort?.postMessage(r);
const controller = new AbortController();
let prepared: { resolve(backup: string): void; reject(e: Error): void } | null = null;

async function run(start: EngineStart): Promise<unknown> {
  const db = openDatabase(start.dbPath);
  // This connection only reads; the writer thread has its own.
  db.pragma('query_only = ON');
  let afterLast = v8.getHeapStatistics().used_heap_size;
  const env: ImportEnv = {
    db,
    now: new Date(start.nowIso),
    dbPath: start.dbPath,
    actor: start.actor,
    source: { ...start.source, cacheOwner: null },
    job: createJob(start.jobId, controller, (label, done, total) => reply({ type: 'progress', label, done, total })),
    warn: (message, data) => reply({ type: 'warn', message, data }),
    prepareWrite: () =>
      new Promise<string>((resolve, reject) => {
        prepared = { resolve, reject };
        reply({ type: 'prepare' });
      }),
    tidy(now) {
      // V8 lets the old generation grow to about twice what is live before it collects (and keeps the pages
      // it grew); the file's rows die as they are planned, so a full collection when the heap has grown by
      // HEADROOM keeps this thread's memory near what is live, for a few 150 ms pauses of this thread only.
      if (now || v8.getHeapStatistics().used_heap_size > afterLast + HEADROOM) {
        collectGarbage();
        afterLast = v8.getHeapStatistics().used_heap_size;
      }
    },
  };
  try {
    return await runTask(env, start.task);
  } finally {
    db.close();
  }
}

parentPort?.on('message', (m: EngineRequest) => {
  if (m.type === 'run') {
    run(m.start).then(
      (value) => reply({ type: 'done', value }),
      (e: unknown) => {
        const error = errorData(e);
        // An unexpected failure keeps its technical text in brackets for support, after words for the clerk.
        if (error.code === 'INTERNAL' && !(e instanceof AppError)) error.message = `导入时出错，本次导入没有写入任何数据（${error.message}）`;
        reply({ type: 'error', error });
      },
    );
  } else if (m.type === 'cancel') controller.abort();
  else if (m.type === 'prepared') prepared?.resolve(m.backup);
  else prepared?.reject(new AppError(m.error.code as ErrorCode, m.error.message));
});

reply({ type: 'ready' });
