/**
 * The main thread's handle on an import writer: a worker thread with its own connection when the bundle
 * dist/workers/import-writer.cjs is there (the app, the CLI, the bench, the browser host), else the same
 * ImportWriter in-process on a second connection (vitest runs the TypeScript sources, which a worker cannot
 * load). Either way the rows go in while later rows are still being checked, and the answer comes at finish.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors';
import type { ErrorCode } from '../../../../shared/error-codes';
import { ImportWriter, errorData, type WriterFinish, type WriterRow, type WriterStart } from './import-writer';
import type { NewUnit } from './import-units';

export type WriterRequest =
  | { type: 'begin'; start: WriterStart }
  | { type: 'rows'; rows: WriterRow[]; units: NewUnit[] }
  | { type: 'finish'; finish: WriterFinish }
  | { type: 'abort' };

export type WriterReply =
  | { type: 'begun'; batchId: number }
  | { type: 'written'; count: number }
  | { type: 'done' }
  | { type: 'aborted' }
  | { type: 'error'; error: { code: string; message: string } };

export interface WriterClient {
  readonly batchId: number;
  readonly threaded: boolean;
  /** Why the worker was not used although its bundle is there (for the log). */
  readonly fallback?: string;
  /**
   * Queued; resolves at once unless more than a few chunks wait to be written (so the planning does not run
   * far ahead and pile rows up in memory). A failure is answered by finish.
   */
  rows(rows: WriterRow[], units?: NewUnit[]): Promise<void>;
  finish(f: WriterFinish): Promise<void>;
  abort(): Promise<void>;
}

/** A Chinese message for the clerk; an unexpected failure keeps its technical text in brackets for support. */
const toAppError = (e: { code: string; message: string }) =>
  e.code === 'INTERNAL' ? new AppError('INTERNAL', `写入会员档案时出错，本次导入没有写入任何数据（${e.message}）`) : new AppError(e.code as ErrorCode, e.message);

/** The bundled worker beside this bundle (dist/<entry>/x.cjs → dist/workers/), inside the app's asar too. */
export function workerScript(): string | null {
  const override = process.env.LEDGER_IMPORT_WORKER;
  if (override) return override;
  const file = path.join(__dirname, '..', 'workers', 'import-writer.cjs');
  return fs.existsSync(file) ? file : null;
}

export interface WriterOptions {
  /** In-process only (a function cannot cross to a worker): runs before each row is written. */
  beforeWrite?: ((index: number) => void) | undefined;
  /** Rows written so far, now and then. */
  onWritten?: ((count: number) => void) | undefined;
}

/** Chunks in flight to the worker before the planning waits for it. */
const MAX_IN_FLIGHT = 3;

/**
 * A writer thread started ahead of its work: the thread and its bundle load while the file is still being
 * read (the second core is idle then), and its transaction begins only when startWriter sends `begin`.
 */
export interface WriterThread {
  readonly worker: Worker;
  ask(m: WriterRequest): Promise<WriterReply>;
  end(): void;
}

/** Starts a writer thread, or null where there is no bundle (vitest) or it cannot start (then startWriter falls back). */
export function spawnWriterThread(): WriterThread | null {
  const script = workerScript();
  if (!script) return null;
  try {
    return spawnThread(script);
  } catch {
    return null;
  }
}

function spawnThread(script: string): WriterThread {
  // The writer holds a few thousand rows at a time: a small young generation keeps its memory small too.
  const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 } });
  const waiting: ((r: WriterReply) => void)[] = [];
  let dead: Error | null = null;
  worker.on('message', (r: WriterReply) => waiting.shift()?.(r));
  const die = (message: string) => {
    dead ??= new Error(message);
    for (const w of waiting.splice(0)) w({ type: 'error', error: { code: 'INTERNAL', message: dead.message } });
  };
  worker.on('error', (e) => die(`写入线程出错：${e.message}`));
  worker.on('exit', () => die('写入线程已退出'));
  return {
    worker,
    ask: (m) =>
      new Promise((resolve) => {
        if (dead) return resolve({ type: 'error', error: { code: 'INTERNAL', message: dead.message } });
        waiting.push(resolve);
        worker.postMessage(m);
      }),
    end: () => void worker.terminate(),
  };
}

/** `thread`: one spawnWriterThread started earlier (used, or ended when the writer runs in-process). */
export async function startWriter(start: WriterStart, opts: WriterOptions = {}, thread: WriterThread | null = null): Promise<WriterClient> {
  const script = opts.beforeWrite ? null : workerScript();
  if (!script) thread?.end();
  if (script) {
    try {
      return await startThreaded(thread ?? spawnThread(script), start, opts);
    } catch (e) {
      // A worker that cannot start (a packaging fault) must not stop the import: the same writer runs here.
      return { ...startInProcess(start, opts), fallback: (e as Error).message };
    }
  }
  return startInProcess(start, opts);
}

/** Whatever the writer threw, as the clerk should read it (the same as from the thread). */
const asAppError = (e: unknown): AppError => (e instanceof AppError ? e : toAppError(errorData(e)));

function startInProcess(start: WriterStart, opts: WriterOptions): WriterClient {
  let w: ImportWriter;
  try {
    w = new ImportWriter(start, opts.beforeWrite);
  } catch (e) {
    throw asAppError(e);
  }
  let failed: unknown = null;
  return {
    batchId: w.batchId,
    threaded: false,
    async rows(rows, units = []) {
      if (failed) return;
      try {
        w.rows(rows, units);
        opts.onWritten?.(w.count);
      } catch (e) {
        failed = e;
      }
    },
    async finish(f) {
      try {
        if (failed) throw failed;
        w.finish(f);
      } catch (e) {
        w.abort();
        throw asAppError(e);
      }
    },
    async abort() {
      w.abort();
    },
  };
}

async function startThreaded(thread: WriterThread, start: WriterStart, opts: WriterOptions): Promise<WriterClient> {
  const { ask, end } = thread;
  const begun = await ask({ type: 'begin', start });
  if (begun.type !== 'begun') {
    end();
    throw toAppError(begun.type === 'error' ? begun.error : { code: 'INTERNAL', message: '写入线程没有应答' });
  }
  const inFlight: Promise<WriterReply>[] = [];
  let failed: { code: string; message: string } | null = null;
  const settle = async () => {
    const r = await inFlight.shift();
    if (r?.type === 'error') failed ??= r.error;
    else if (r?.type === 'written') opts.onWritten?.(r.count);
  };
  return {
    batchId: begun.batchId,
    threaded: true,
    async rows(rows, units = []) {
      if (failed) return;
      inFlight.push(ask({ type: 'rows', rows, units }));
      while (inFlight.length > MAX_IN_FLIGHT) await settle();
    },
    async finish(f) {
      // Sent at once, behind the chunks still in flight: the writer goes on to its tail (indexes, COMMIT) as
      // soon as their rows are in, while this side makes the report meanwhile. A chunk that failed has
      // rolled the transaction back already (the thread's finish then finds no writer): its error is the answer.
      const done = failed ? null : ask({ type: 'finish', finish: f });
      while (inFlight.length) await settle();
      const r = failed ? { type: 'error' as const, error: failed } : await (done as Promise<WriterReply>);
      if (r.type === 'error') {
        if (failed) await ask({ type: 'abort' });
        end();
        throw toAppError(r.error);
      }
      end();
    },
    async abort() {
      while (inFlight.length) await settle();
      await ask({ type: 'abort' });
      end();
    },
  };
}
