import { z } from 'zod';
import { channel, jobId, noInput } from './define';

export const backupInfo = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.string(),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const appInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  dataDir: z.string(),
  dbPath: z.string(),
  status: z.enum(['ok', 'recovery']),
  recoveryReason: z.string().optional(),
  counts: z.record(z.string(), z.number().int()),
  host: z.enum(['electron', 'browser', 'cli', 'test']),
});
export type AppInfo = z.infer<typeof appInfo>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** A file travels as an opaque token; the renderer never sees or sends a path. */
export const fileToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '文件令牌格式不正确');
export const fileRef = z.object({ token: fileToken, fileName: z.string(), sizeBytes: z.number().int() });
export type FileRef = z.infer<typeof fileRef>;

/**
 * The job id of 文件 → 立即备份 in the desktop menu: the main process starts that backup itself, so the window
 * shows the copy's progress:update events under this id (the same events as 设置 → 立即备份's own jobId).
 */
export const MENU_BACKUP_JOB_ID = 'menu-backup';

export const appChannels = {
  'app.info': channel(noInput, appInfo, { recovery: true }),
  'app.openDataFolder': channel(noInput, z.object({ opened: z.boolean() }), { recovery: true }),
  /** A large database takes seconds: the copy's progress as progress:update under jobId. */
  'backup.create': channel(z.object({ jobId: jobId.optional() }).strict(), backupInfo, { recovery: true }),
  'backup.list': channel(noInput, z.array(backupInfo), { recovery: true }),
  'backup.restore': channel(
    z.union([
      z.object({ name: z.string().min(1).max(200) }).strict(),
      z.object({ token: fileToken }).strict(),
    ]),
    z.object({ restoredFrom: z.string(), safetyBackup: backupInfo.nullable(), schemaVersion: z.number().int() }),
    { recovery: true },
  ),
  'backup.export': channel(z.object({ name: z.string().min(1).max(200) }).strict(), fileRef, { recovery: true }),
  'audit.list': channel(
    z.object({ limit: z.number().int().min(1).max(500).default(50), entity: z.string().max(50).optional() }).strict(),
    z.array(auditEntry),
  ),
  /** Electron only: a native open dialog whose chosen file becomes a token. The browser uploads instead. */
  'files.pickOpen': channel(
    z.object({ title: z.string().max(100), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(20) }).strict(),
    fileRef.nullable(),
    { recovery: true },
  ),
  /** Electron only: a native save dialog for a file the core produced. The browser downloads instead. */
  'files.saveAs': channel(
    z.object({ token: fileToken }).strict(),
    z.object({ saved: z.boolean() }),
    { recovery: true },
  ),
} as const;
