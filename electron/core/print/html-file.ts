import fs from 'node:fs';
import { once } from 'node:events';
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
