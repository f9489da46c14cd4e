import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

/**
 * The row a stored file needs before anything may point at it (file_blobs is keyed by content: the same bytes
 * attached twice, or to two record types, are one row and one file).
 */
export function recordBlob(db: DB, b: { sha256: string; sizeBytes: number; mime: string }, now: string): void {
  stmt(db, 'INSERT INTO file_blobs (sha256, size_bytes, mime, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(b.sha256, b.sizeBytes, b.mime, now);
}
