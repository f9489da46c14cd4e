import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type LedgerBridge } from '../../shared/contract/bridge';
import { ALLOWED_CHANNELS, ALLOWED_EVENTS } from './allow-list';

/**
 * The renderer's only door to the main process: `window.ledger.invoke` for allow-listed channels and
 * `window.ledger.on` for allow-listed push events. No ipcRenderer, no Node, nothing else crosses.
 */
const channels = new Set(ALLOWED_CHANNELS);
const events = new Set(ALLOWED_EVENTS);

const bridge = {
  invoke(channel: unknown, input?: unknown) {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'VALIDATION', message: `未知的操作「${String(channel).slice(0, 60)}」。` },
      });
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, input);
  },
  on(event: unknown, listener: unknown) {
    if (typeof event !== 'string' || !events.has(event)) throw new Error(`未知的事件「${String(event).slice(0, 60)}」。`);
    if (typeof listener !== 'function') throw new Error('事件回调必须是函数。');
    // The IPC event object (with its sender) never reaches the page; only the payload does.
    const wrapped = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('ledger', bridge as unknown as LedgerBridge);
