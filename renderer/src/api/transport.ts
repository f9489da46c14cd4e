import type { ChannelName, EventName, EventPayload } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

/** How the client reaches the core: Electron IPC through window.ledger, or HTTP to the loopback host. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The host is gone (window closed, server stopped): said in words the clerk can act on. */
export const unreachable = (what: string): Result<never> => ({
  ok: false,
  error: { code: 'UNAVAILABLE', message: `无法连接到工会台账的数据服务（${what}），请确认程序仍在运行后重试。` },
});
