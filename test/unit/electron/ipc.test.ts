import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, BackupInfo } from '../../../shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/contract/bridge';
import type { Result } from '../../../shared/result';
import type { AppContext } from '../../../electron/core/context';
import { bindIpc, forwardEvents, type IpcMainLike } from '../../../electron/main/ipc';
import { isTrustedUrl } from '../../../electron/main/window-options';
import { openTestContext } from '../../helpers/context';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Records the one handler bindIpc registers, the way ipcMain.handle would. */
class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(frame: { url: string; parent: unknown } | null, sender: unknown, ...args: unknown[]): Promise<Result<unknown>> {
    const h = this.handlers.get(IPC_INVOKE);
    if (!h) throw new Error('no handler bound');
    return (await h({ senderFrame: frame, sender } as unknown as IpcMainInvokeEvent, ...args)) as Result<unknown>;
  }
}

const ourWebContents = { id: 1 };
const mainFrame = (url: string) => ({ url, parent: null });

describe('bindIpc', () => {
  let ctx: AppContext;
  let ipc: FakeIpcMain;
  beforeEach(async () => {
    ctx = await openTestContext();
    ipc = new FakeIpcMain();
    bindIpc(ipc, () => ctx, isTrustedUrl, { isTrustedSender: (s) => s === ourWebContents });
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('answers app:// main-frame calls through the router', async () => {
    const r = await ipc.invoke(mainFrame('app://ledger/index.html'), ourWebContents, 'app.info', {});
    expect(r.ok).toBe(true);
    const info = (r as { ok: true; data: AppInfo }).data;
    expect(info.status).toBe('ok');
    expect(info.dataDir).toBe(ctx.paths.dataDir);
    expect(info.schemaVersion).toBeGreaterThan(0);
  });

  it.each([
    ['a web page', mainFrame('https://evil.example/'), ourWebContents],
    ['a local file', mainFrame('file:///C:/Users/clerk/Downloads/x.html'), ourWebContents],
    ['a look-alike app:// host', mainFrame('app://ledger.evil/index.html'), ourWebContents],
    ['an app:// URL with a port', mainFrame('app://ledger:8080/index.html'), ourWebContents],
    ['an iframe inside our page', { url: 'app://ledger/index.html', parent: { url: 'app://ledger/index.html' } }, ourWebContents],
    ['a frame that is gone', null, ourWebContents],
    ['another webContents showing app://', mainFrame('app://ledger/index.html'), { id: 2 }],
  ])('refuses %s before dispatch runs', async (_what, frame, sender) => {
    const r = await ipc.invoke(frame, sender, 'backup.create', {});
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message: '拒绝来自未知页面的请求。' } });
    // backup.create writes a file when it runs; the folder staying empty proves the handler never ran.
    expect(ctx.listBackups()).toEqual([]);
  });

  it('runs the same write when the sender is ours', async () => {
    const r = await ipc.invoke(mainFrame('app://ledger/'), ourWebContents, 'backup.create', {});
    expect(r.ok).toBe(true);
    expect(ctx.listBackups().map((b) => b.name)).toEqual([(r as { ok: true; data: BackupInfo }).data.name]);
  });

  it('turns a bad channel or bad input into a Chinese VALIDATION result', async () => {
    const notString = await ipc.invoke(mainFrame('app://ledger/'), ourWebContents, 42, {});
    expect(notString).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await ipc.invoke(mainFrame('app://ledger/'), ourWebContents, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '未知的操作「fs.readFile」。' } });
    const badInput = await ipc.invoke(mainFrame('app://ledger/'), ourWebContents, 'settings.update', { unitName: 7 });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((badInput as { ok: false; error: { message: string } }).error.message).toMatch(/^输入有误/);
  });

  it('answers UNAVAILABLE once the context is gone (quitting) and unbinds cleanly', async () => {
    const ipc2 = new FakeIpcMain();
    const unbind = bindIpc(ipc2, () => null, isTrustedUrl);
    const r = await ipc2.invoke(mainFrame('app://ledger/'), ourWebContents, 'app.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    unbind();
    expect(ipc2.handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it('sends core push events to the window and skips a destroyed one', async () => {
    const ctx = await openTestContext();
    try {
      const sent: unknown[][] = [];
      let destroyed = false;
      const sink = { isDestroyed: () => destroyed, send: (...args: unknown[]) => void sent.push(args) };
      const off = forwardEvents(ctx, () => sink);
      const info = await ctx.backup('manual');
      expect(sent).toEqual([[IPC_EVENT, 'backup:created', info]]);
      destroyed = true;
      await ctx.backup('manual');
      expect(sent).toHaveLength(1);
      off();
    } finally {
      await ctx.close();
    }
  });
});
