/**
 * Where an import's work runs. A large file is read, checked and planned in a worker thread of its own (the
 * import thread, bundled to dist/workers/import-engine.cjs) whose young generation is small and whose garbage
 * is let go between chunks: the main process's heap never grows by the file (V8 keeps a heap it has grown, and
 * its young generation alone grows to 128 MB under such work), and the window never waits for the checking.
 * A small file is done in the main process, where its sheets stay cached for the wizard's next preview.
 *
 * The import thread asks the main process for what only it may do (the backup, holding saves off) and sends its
 * progress; the writer thread it starts (import-writer.ts) is its own child. A thread that cannot start leaves
 * the work to the main process, as under vitest, which runs the sources and has no bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppContext } from '../../context';
import type { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors';
import type { Job } from '../../jobs';
import { runTask, type ImportEnv, type ImportTask, type TaskResult } from './import-run';
import type { SourceRef } from './import-source';
import { errorData } from './import-writer';

/** Files from this size on are imported in the import thread (about 25,000 rows of .xlsx). */
const ENGINE_MIN_BYTES = 4 * 1024 * 1024;

/** The bundled import thread beside this bundle (dist/<entry>/x.cjs → dist/workers/), inside the app's asar too. */
export function engineScript(): string | null {
  const override = process.env.LEDGER_IMPORT_ENGINE;
  if (override) return override;
  const file = path.join(__dirname, '..', 'workers', 'import-engine.cjs');
  return fs.existsSync(file) ? file : null;
}

const minBytes = () => Number(process.env.LEDGER_IMPORT_ENGINE_MIN_BYTES ?? ENGINE_MIN_BYTES);

/** What the import thread is told to do, and with what. */
export interface EngineStart {
  task: ImportTask;
  dbPath: string;
  nowIso: string;
  actor: string;
  source: { path: string; fileName: string };
  jobId: string;
}

export type EngineRequest = { type: 'run'; start: EngineStart } | { type: 'cancel' } | { type: 'prepared'; backup: string } | { type: 'prepare-failed'; error: { code: string; message: string } };

export type EngineReply =
  | { type: 'ready' }
  | { type: 'progress'; label: string; done: number; total: number | null }
  | { type: 'warn'; message: string; data: Record<string, unknown> }
  | { type: 'prepare' }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: { code: string; message: string } };

/** Runs the task here or in the import thread. `prepareWrite` is the main process's part of a commit. */
export async function runImportTask<T extends ImportTask>(ctx: AppContext, job: Job, source: SourceRef, task: T, prepareWrite: () => Promise<string>): Promise<TaskResult<T>> {
  const script = engineScript();
  const big = fs.statSync(source.path).size >= minBytes();
  // A function (the in-process test seam) cannot cross to a thread.
  const inProcessOnly = task.kind === 'commit' && !!task.hooks.beforeWrite;
  if (script && big && !inProcessOnly) {
    const threaded = await runInThread(ctx, job, source, task, prepareWrite, script);
    if (threaded.ran) {
      ctx.logger.info('import task ran in the import thread', { task: task.kind, file: source.fileName });
      return threaded.value as TaskResult<T>;
    }
    ctx.logger.warn('import thread unavailable; importing in the main process', { reason: threaded.reason });
  }
  const env: ImportEnv = {
    db: ctx.db,
    now: ctx.clock(),
    dbPath: ctx.paths.dbPath,
    actor: ctx.actor(),
    source,
    job,
    warn: (m, d) => ctx.logger.warn(m, d),
    prepareWrite,
  };
  return runTask(env, task);
}

const toAppError = (e: { code: string; message: string }) => new AppError(e.code as ErrorCode, e.message);

function runInThread(
  ctx: AppContext,
  job: Job,
  source: SourceRef,
  task: ImportTask,
  prepareWrite: () => Promise<string>,
  script: string,
): Promise<{ ran: true; value: unknown } | { ran: false; reason: string }> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      // A small young generation: the checking's garbage is short-lived, and V8 would otherwise grow it to 128 MB.
      worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    } catch (e) {
      resolve({ ran: false, reason: (e as Error).message });
      return;
    }
    // 'online' comes before the script has loaded; 'ready' is the script's own first word.
    let ready = false;
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', cancel);
      void worker.terminate();
      f();
    };
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies EngineRequest);
    job.signal.addEventListener('abort', cancel);
    const post = (m: EngineRequest) => !settled && worker.postMessage(m);
    const begin = () => {
      ready = true;
      const start: EngineStart = {
        task: task.kind === 'commit' ? { ...task, hooks: { failAtRow: task.hooks.failAtRow, bulk: task.hooks.bulk } } : task,
        dbPath: ctx.paths.dbPath,
        nowIso: ctx.clock().toISOString(),
        actor: ctx.actor(),
        source: { path: source.path, fileName: source.fileName },
        jobId: job.id,
      };
      post({ type: 'run', start });
      if (job.signal.aborted) cancel();
    };
    worker.on('message', (m: EngineReply) => {
      if (m.type === 'ready') begin();
      else if (m.type === 'progress') job.progress(m.label, m.done, m.total, true);
      else if (m.type === 'warn') ctx.logger.warn(m.message, m.data);
      else if (m.type === 'prepare') {
        prepareWrite().then(
          (backup) => post({ type: 'prepared', backup }),
          (e: unknown) => post({ type: 'prepare-failed', error: errorData(e) }),
        );
      } else if (m.type === 'done') finish(() => resolve({ ran: true, value: m.value }));
      else finish(() => reject(toAppError(m.error)));
    });
    worker.on('error', (e) => {
      if (!ready) finish(() => resolve({ ran: false, reason: e.message }));
      else finish(() => reject(new AppError('INTERNAL', `导入线程出错，本次导入没有写入任何数据（${e.message}）`)));
    });
    worker.on('exit', (code) => finish(() => reject(new AppError('INTERNAL', `导入线程意外退出（${code}），本次导入没有写入任何数据`))));
  });
}
