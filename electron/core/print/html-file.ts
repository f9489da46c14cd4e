import fs from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { finished } from 'node:stream/promises';
import { pacer } from '../pace';

/**
 * Writes a print document given in parts to `file`: each part encoded and written on its own, waiting when the
 * stream is full and giving the event loop a turn whenever 25 ms have passed (pace.ts), so a 45 MB document never
 * becomes one string or one synchronous encode on the main process. For the PDF ports' renderParts.
 */
export async function writeHtmlParts(file: string, parts: Iterable<string>): Promise<void> {
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const pace = pacer();
  try {
    for (const part of parts) {
      if (!out.write(part)) await once(out, 'drain');
      await pace();
    }
  } finally {
    out.end();
    await finished(out);
  }
}

/**
 * A print document written to a file of its own (a temporary folder, removed afterwards) and handed to `use` as
 * a file URL: how both PDF ports load what they print — a data URL or setContent string would have to hold a
 * large document whole, and Chromium's URL length limit refuses a catalogue of a few thousand rows.
 */
export async function withPrintFile<T>(parts: Iterable<string>, use: (url: string) => Promise<T>): Promise<T> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ledger-print-'));
  const file = path.join(dir, 'print.html');
  try {
    await writeHtmlParts(file, parts);
    return await use(pathToFileURL(file).href);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
