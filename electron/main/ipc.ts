import type { IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/bridge';
import type { EventName } from '../../shared/contract/events';
import type { Result } from '../../shared/result';
import type { AppContext } from '../core/context';

/** The part of ipcMain this module uses, so a test can pass a fake without the Electron binary. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of an IPC event the sender check reads. */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
  sender?: unknown;
}

export interface BindIpcOptions {
  /** Further check on the sending webContents (main: it must be our window's). */
  isTrustedSender?: (sender: unknown) => boolean;
}

export const REFUSED_SENDER: Result<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: '拒绝来自未知页面的请求。' },
};

const SHUTTING_DOWN: Result<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: '工会台账正在退出，操作未执行。' },
};

/**
 * Only the top frame of our own window, showing a page from our app:// origin, may call the core. A frame
 * that navigated elsewhere, an iframe, or a page loaded from file:// or the web is refused before dispatch.
 */
export function isTrustedEvent(
  event: SenderLike,
  isTrustedUrl: (url: string) => boolean,
  opts: BindIpcOptions = {},
): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  if (!isTrustedUrl(frame.url)) return false;
  return opts.isTrustedSender ? opts.isTrustedSender(event.sender) : true;
}

/**
 * The IPC adapter over the router: one handler for every channel, answers are Results (errors travel as
 * data, because Electron keeps only `message` of a thrown error). Returns the function that unbinds.
 */
export function bindIpc(
  ipcMain: IpcMainLike,
  getContext: () => AppContext | null,
  isTrustedUrl: (url: string) => boolean,
  opts: BindIpcOptions = {},
): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, channel, input) => {
    if (!isTrustedEvent(event as unknown as SenderLike, isTrustedUrl, opts)) return REFUSED_SENDER;
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'VALIDATION', message: '操作名称必须是文字。' } } satisfies Result<never>;
    }
    const ctx = getContext();
    if (!ctx) return SHUTTING_DOWN;
    return ctx.dispatch(channel, input);
  });
  return () => ipcMain.removeHandler(IPC_INVOKE);
}

/** The part of webContents that receives push events. */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Core push events → the window (`ledger:event`, name, payload); a closed window is skipped. */
export function forwardEvents(ctx: AppContext, getSink: () => EventSink | null): () => void {
  return ctx.events.on((name: EventName, payload: unknown) => {
    const sink = getSink();
    if (sink && !sink.isDestroyed()) sink.send(IPC_EVENT, name, payload);
  });
}
