import { spawn, spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { AppError } from '../../../electron/core/errors';
import { call, openTestContext, tempDir } from '../../helpers/context';

const open: AppContext[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});
const track = (c: AppContext) => (open.push(c), c);

/** A PID that certainly belongs to no running process: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  if (!child.pid) throw new Error('could not start a child process to borrow a PID from');
  return child.pid;
}

const writeLock = (dataDir: string, holder: Record<string, unknown>) => {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'ledger.lock'), JSON.stringify(holder));
};

const lockError = async (dataDir: string): Promise<AppError> => {
  const e = await openTestContext({ dataDir }).then(
    (c) => (track(c), null),
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
};

describe('data folder lock', () => {
  it('refuses a second context on the same folder with a Chinese message naming the holder', async () => {
    const first = track(await openTestContext());
    const e = await lockError(first.paths.dataDir);
    expect(e.code).toBe('LOCKED');
    expect(e.message).toContain('数据文件夹正被另一个程序使用');
    expect(e.message).toContain(`进程号 ${process.pid}`);
    // The holder keeps working.
    expect((await call<{ status: string }>(first, 'app.info')).status).toBe('ok');
  });

  it('can be opened again once the holder has closed', async () => {
    const first = await openTestContext();
    const dataDir = first.paths.dataDir;
    await call(first, 'settings.update', { unitName: '第一次' });
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'ledger.lock'))).toBe(false);
    const second = track(await openTestContext({ dataDir }));
    expect((await call<{ unitName: string }>(second, 'settings.get')).unitName).toBe('第一次');
  });

  it('takes over a stale lock left by a process that no longer exists', async () => {
    const dataDir = tempDir();
    const pid = deadPid();
    writeLock(dataDir, { pid, host: os.hostname(), at: '2024-01-01T08:00:00.000Z', owner: 'electron' });
    const ctx = track(await openTestContext({ dataDir }));
    expect(ctx.status).toBe('ok');
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'ledger.lock'), 'utf8')) as { pid: number; owner: string };
    expect(lock).toMatchObject({ pid: process.pid, owner: 'test' });
  });

  it('takes over an unreadable lock file', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'ledger.lock'), '{ half written');
    expect(track(await openTestContext({ dataDir })).status).toBe('ok');
  });

  it('takes over a lock carrying this process PID that this process does not hold (PID reused after a crash)', async () => {
    const dataDir = tempDir();
    writeLock(dataDir, { pid: process.pid, host: os.hostname(), at: '2024-01-01T08:00:00.000Z', owner: 'electron' });
    expect(track(await openTestContext({ dataDir })).status).toBe('ok');
  });

  it('respects a lock held from another computer (shared folder), whose processes it cannot see', async () => {
    const dataDir = tempDir();
    writeLock(dataDir, { pid: deadPid(), host: 'office-pc-2', at: '2024-01-01T08:00:00.000Z', owner: 'electron' });
    const e = await lockError(dataDir);
    expect(e.code).toBe('LOCKED');
    expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite'))).toBe(false);
  });

  it.runIf(process.platform === 'linux')(
    'is not blocked by a holder that died but is still a zombie (its PID still answers kill(pid, 0))',
    async () => {
      const dataDir = tempDir();
      // The lock module itself, bundled so a plain Node child can hold the folder the way the app does.
      const bundle = path.join(tempDir(), 'lock.cjs');
      buildSync({ entryPoints: ['electron/core/db/lock.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, packages: 'external', logLevel: 'silent' });
      const holder = `require(${JSON.stringify(bundle)}).acquireDataDirLock(${JSON.stringify(path.join(dataDir, 'ledger.lock'))}, 'cli'); process.stdout.write('held'); process.exit(0);`;
      // sh starts the holder and becomes \`sleep\`, which never reaps it: the holder's exit leaves a zombie.
      const parent = spawn('sh', ['-c', `${JSON.stringify(process.execPath)} -e ${JSON.stringify(holder)} & exec sleep 30`], {
        stdio: ['ignore', 'pipe', 'inherit'],
        cwd: process.cwd(),
        env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
      });
      try {
        await new Promise<void>((resolve) => parent.stdout.on('data', (c: Buffer) => c.toString().includes('held') && resolve()));
        const note = JSON.parse(fs.readFileSync(path.join(dataDir, 'ledger.lock'), 'utf8')) as { pid: number };
        let state = '';
        for (let i = 0; i < 100 && state !== 'Z'; i++) {
          await new Promise((r) => setTimeout(r, 20));
          state = /\) (\S)/.exec(fs.readFileSync(`/proc/${note.pid}/stat`, 'utf8'))?.[1] ?? '';
        }
        expect(state).toBe('Z');
        expect(() => process.kill(note.pid, 0)).not.toThrow();
        const ctx = track(await openTestContext({ dataDir }));
        expect(ctx.status).toBe('ok');
      } finally {
        parent.kill('SIGKILL');
      }
    },
  );

  it('refuses a second process while the holder lives, whatever its note says', async () => {
    const first = track(await openTestContext());
    // A broken note must not turn a held lock into a free one.
    fs.writeFileSync(path.join(first.paths.dataDir, 'ledger.lock'), '{ half');
    const child = spawnSync(
      process.execPath,
      ['-e', `const D=require('better-sqlite3');const g=new D(${JSON.stringify(path.join(first.paths.dataDir, 'ledger.lock-db'))},{timeout:0});g.pragma('locking_mode = EXCLUSIVE');try{g.exec('BEGIN EXCLUSIVE');console.log('got')}catch(e){console.log(e.code)}`],
      { encoding: 'utf8', cwd: process.cwd() },
    );
    expect(child.stdout.trim()).toBe('SQLITE_BUSY');
    const e = await lockError(first.paths.dataDir);
    expect(e.message).toContain('数据文件夹正被另一个程序使用');
  });
});
