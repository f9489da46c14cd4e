/**
 * Worker thread entry of the import writer (bundled to dist/workers/import-writer.cjs). One worker per
 * import: messages in order — begin, rows…, finish | abort — each answered in order.
 */
import { parentPort } from 'node:worker_threads';
import { errorData, ImportWriter, type WriterFinish, type WriterRow, type WriterStart } from './import-writer';
import type { WriterReply, WriterRequest } from './writer-client';

let writer: ImportWriter | null = null;

const reply = (r: WriterReply) => parentPort?.postMessage(r);

parentPort?.on('message', (m: WriterRequest) => {
  try {
    if (m.type === 'begin') {
      writer = new ImportWriter(m.start as WriterStart);
      reply({ type: 'begun', batchId: writer.batchId });
    } else if (m.type === 'rows') {
      writer?.rows(m.rows as WriterRow[], m.units ?? []);
      reply({ type: 'written', count: writer?.count ?? 0 });
    } else if (m.type === 'finish') {
      writer?.finish(m.finish as WriterFinish);
      reply({ type: 'done' });
    } else {
      writer?.abort();
      reply({ type: 'aborted' });
    }
  } catch (e) {
    // Any failure ends the transaction (rolled back); later messages find no writer and change nothing.
    try {
      writer?.abort();
    } catch {
      // The connection is closed either way; the error that matters is the one answered.
    }
    writer = null;
    reply({ type: 'error', error: errorData(e) });
  }
});
