import type { EventName, EventPayload } from './events';
import type { ChannelInput, ChannelName, ChannelOutput } from './index';
import type { Result } from '../result';

/**
 * What the Electron preload exposes as `window.ledger`. Types only: the preload itself keeps a literal
 * allow-list so the sandboxed script stays tiny, and a unit test holds the two in step with the contract.
 */
export interface LedgerBridge {
  /** Calls one contract channel; the answer is always a Result (errors travel as data). */
  invoke<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Subscribes to a push event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** IPC channel names between preload and main; not contract channels. */
export const IPC_INVOKE = 'ledger:invoke';
export const IPC_EVENT = 'ledger:event';

declare global {
  interface Window {
    /** Present only inside the Electron app; the browser build talks HTTP instead. */
    ledger?: LedgerBridge;
  }
}
