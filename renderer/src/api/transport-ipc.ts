import type { LedgerBridge } from '../../../shared/contract/bridge';
import type { Result } from '../../../shared/result';
import { unreachable, type Transport } from './transport';

/** Electron: the preload's allow-listed bridge. Results already travel as data, so this only adapts names. */
export function createIpcTransport(bridge: LedgerBridge): Transport {
  return {
    kind: 'ipc',
    async invoke(channel, input) {
      try {
        return (await bridge.invoke(channel, input as never)) as Result<unknown>;
      } catch (e) {
        return unreachable(e instanceof Error ? e.message : 'IPC');
      }
    },
    on(event, listener) {
      return bridge.on(event, listener);
    },
  };
}
