import path from 'node:path';
import type { AppContext } from '../context';
import { openReadOnly, type DB } from '../db/open';
import { blobPresent } from '../files/attachments';
import { tableExists } from '../db/session';
import { referencedBlobs } from './disclosures.repo';

export interface MissingAttachment {
  regNo: string;
  label: string;
  sha256: string;
}

function missingIn(db: DB, filesDir: string): MissingAttachment[] {
  if (!tableExists(db, 'disclosure_attachments')) return [];
  return referencedBlobs(db)
    .filter((r) => !blobPresent(filesDir, r.sha256, r.size_bytes))
    .map((r) => ({ regNo: r.reg_no, label: r.label, sha256: r.sha256 }));
}

/**
 * Attachment files the records point to but files/ lacks (or holds at the wrong size): for the open database,
 * and for each backup, since restoring a backup is only as good as the files it will look for.
 */
export function findMissingAttachments(ctx: AppContext): {
  live: MissingAttachment[];
  backups: { name: string; missing: MissingAttachment[] }[];
  unreadableBackups: string[];
} {
  const live = ctx.status === 'ok' ? missingIn(ctx.db, ctx.paths.filesDir) : [];
  const backups: { name: string; missing: MissingAttachment[] }[] = [];
  const unreadableBackups: string[] = [];
  for (const b of ctx.listBackups()) {
    let ro: ReturnType<typeof openReadOnly> | undefined;
    try {
      ro = openReadOnly(path.join(ctx.paths.backupsDir, b.name));
      const missing = missingIn(ro.db, ctx.paths.filesDir);
      if (missing.length) backups.push({ name: b.name, missing });
    } catch {
      // A damaged backup is the backups check's finding; here it only cannot be looked into.
      unreadableBackups.push(b.name);
    } finally {
      ro?.close();
    }
  }
  return { live, backups, unreadableBackups };
}
