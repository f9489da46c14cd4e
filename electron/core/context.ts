import fs from 'node:fs';
import type { BackupInfo } from '../../shared/contract/app';
import { backupTask, createBackup, DEFAULT_RETENTION, listBackups, pruneBackups, type RetentionPolicy } from './db/backup';
import { removeBackupPartials, sweepTempFolder, type Leftovers } from './db/leftovers';
import { acquireDataDirLock, type DataDirLock } from './db/lock';
import { schemaTooNew, pendingMigrations, runMigrations } from './db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './db/migrations';
import { inspectDatabase, openDatabase, type DB } from './db/open';
import { AppError } from './errors';
import { EventBus } from './events';
import { FileStore } from './files/file-store';
import { createFileLogger, type Logger } from './log';
import { dataPaths, type DataPaths } from './paths';
import { createRouter, type Dispatch, type Handlers, type RouterOptions } from './router';
import type { ContextOptions, HostKind, HostPorts, PdfOptions, PdfPort } from './context.types';
import { restoreDatabaseFile, setAsideDamaged, validateBackupFile } from './db/restore';
import { totalChanges } from './db/session';
import { readSetting } from './settings/settings.repo';
import { OperatorSession } from './operators/session';
import { runInThread, type ThreadJob } from './threads/run-in-thread';

export type { ContextOptions, HostKind, HostPorts, PdfOptions, PdfPort };

export class AppContext {
  readonly paths: DataPaths;
  readonly host: HostKind;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly ports: HostPorts;
  readonly files: FileStore;
  readonly events = new EventBus();
  readonly dispatch: Dispatch;
  readonly retention: RetentionPolicy;
  /** Who is logged in (#16); nobody while login is off, and then everyone is the single 管理员. */
  readonly session = new OperatorSession();
  private _db: DB | null = null;
  private _recoveryReason: string | null = null;
  private lock: DataDirLock | null = null;
  private timer: NodeJS.Timeout | null = null;
  private changesAtLastBackup = 0;
  /** What a killed backup left behind, removed when this context opened the folder (reported by `check`). */
  partialsRemovedAtStart: Leftovers = { files: [], bytes: 0 };

  /** `handlers`: every channel's handler, given by create-context.ts (this module never imports them). */
  constructor(
    opts: ContextOptions,
    handlers: Handlers<AppContext>,
    access?: (ctx: AppContext) => { guard: RouterOptions<AppContext>['guard']; redact: RouterOptions<AppContext>['redact'] },
  ) {
    this.paths = dataPaths(opts.dataDir);
    this.host = opts.host;
    this.clock = opts.clock ?? (() => new Date());
    this.logger = opts.logger ?? createFileLogger(this.paths.logsDir);
    this.ports = opts.ports ?? {};
    this.retention = opts.retention ?? DEFAULT_RETENTION;
    this.files = new FileStore(this.paths.tmpDir);
    const checks = access?.(this);
    this.dispatch = createRouter({
      handlers,
      guard: checks?.guard,
      redact: checks?.redact,
      ctx: this,
      logger: this.logger,
      inRecovery: () => this._db === null,
      checkOutputs: opts.checkOutputs ?? false,
    });
  }

  get db(): DB {
    if (!this._db) throw new AppError('RECOVERY', this._recoveryReason ?? '数据库未打开。');
    return this._db;
  }

  get status(): 'ok' | 'recovery' {
    return this._db ? 'ok' : 'recovery';
  }

  get recoveryReason(): string | null {
    return this._recoveryReason;
  }

  /** The clerk's name from 设置, written into audit entries and printed forms. */
  actor(): string {
    if (this.session.current) return this.session.current.name;
    return (readSetting(this.db, 'operator') as string | undefined) ?? '';
  }

  schemaVersion(): number {
    return this._db ? (this._db.pragma('user_version', { simple: true }) as number) : 0;
  }

  async open(): Promise<void> {
    for (const dir of [this.paths.dataDir, this.paths.backupsDir, this.paths.logsDir]) fs.mkdirSync(dir, { recursive: true });
    this.lock = acquireDataDirLock(this.paths.lockPath, this.host);
    try {
      this.removeLeftovers();
      await this.openDb();
    } catch (e) {
      this.lock.release();
      this.lock = null;
      throw e;
    }
  }

  /** Under the lock, nothing else can be writing a backup or using a temp file of this folder. */
  private removeLeftovers(): void {
    this.partialsRemovedAtStart = removeBackupPartials(this.paths.backupsDir);
    if (this.partialsRemovedAtStart.files.length) {
      this.logger.warn('removed what an interrupted backup left', { ...this.partialsRemovedAtStart });
    }
    const swept = sweepTempFolder(this.paths.tmpDir);
    if (swept) this.logger.info('temp folder swept at start', { removed: swept });
  }

  private async openDb(): Promise<void> {
    const seen = inspectDatabase(this.paths.dbPath);
    if (seen.problem) {
      this._recoveryReason = seen.problem;
      this.logger.error('database failed its check; recovery mode', { problem: seen.problem });
      return;
    }
    if (seen.userVersion > LATEST_SCHEMA_VERSION) throw schemaTooNew(seen.userVersion, LATEST_SCHEMA_VERSION);
    const db = openDatabase(this.paths.dbPath);
    try {
      if (seen.exists && seen.userVersion > 0 && pendingMigrations(seen.userVersion, MIGRATIONS).length) {
        await createBackup(db, this.paths.backupsDir, 'pre-migrate', this.clock());
      }
      runMigrations(db, MIGRATIONS, this.logger.child('migrate'));
    } catch (e) {
      db.close();
      throw e;
    }
    this._db = db;
    this._recoveryReason = null;
    this.changesAtLastBackup = this.totalChanges();
  }

  private totalChanges(): number {
    return this._db ? totalChanges(this._db) : 0;
  }

  startAutoBackup(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this._db && this.totalChanges() !== this.changesAtLastBackup) {
        this.backup('auto').catch((e: unknown) => this.logger.error('auto backup failed', { error: e }));
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** `job`: whose progress:update events show the copy (backup.create's, an undo's); none for a timed backup. */
  async backup(reason: string, job: ThreadJob = { signal: new AbortController().signal, progress: () => {} }): Promise<BackupInfo> {
    // The copy runs in the task thread (db/backup.ts): its final sync is the part that froze the window.
    const info = await createBackup(this.db, this.paths.backupsDir, reason, this.clock(), (partial) => runInThread(this, job, backupTask, { partial }));
    this.changesAtLastBackup = this.totalChanges();
    pruneBackups(this.paths.backupsDir, this.clock(), this.retention);
    this.logger.info('backup created', { ...info });
    this.events.emit('backup:created', info);
    return info;
  }

  /**
   * After a bulk write (import, archive): SQLite's own light maintenance. The member list's plans do not rely
   * on planner statistics (they name their index), so nothing runs ANALYZE behind the clerk's back on open.
   */
  optimize(): void {
    this._db?.pragma('optimize');
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.paths.backupsDir);
  }

  /**
   * Replace the database with a backup file: check the file first, keep a copy of the current state, swap,
   * then reopen through the normal path (quick_check, migrations), so an old backup comes back upgraded.
   */
  async restoreFrom(sourcePath: string, label: string): Promise<{ safetyBackup: BackupInfo | null }> {
    validateBackupFile(sourcePath, LATEST_SCHEMA_VERSION);
    const safetyBackup = this._db ? await this.backup('pre-restore') : null;
    const damaged = this._db ? null : setAsideDamaged(this.paths.dbPath, this.clock());
    if (damaged) this.logger.warn('damaged database kept aside', { path: damaged });
    this._db?.close();
    this._db = null;
    restoreDatabaseFile(sourcePath, this.paths.dbPath);
    await this.openDb();
    if (!this._db) throw new AppError('VALIDATION', `恢复后的数据库未通过检查：${this._recoveryReason ?? ''}`);
    this.logger.info('restored', { from: label });
    this.events.emit('app:restored', { restoredFrom: label });
    return { safetyBackup };
  }

  async close(opts: { backupReason?: string } = {}): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    try {
      if (opts.backupReason && this._db && this.totalChanges() !== this.changesAtLastBackup) {
        await this.backup(opts.backupReason);
      }
    } finally {
      this._db?.close();
      this._db = null;
      this.files.clear();
      if (this.lock) sweepTempFolder(this.paths.tmpDir);
      this.lock?.release();
      this.lock = null;
    }
  }
}
