import type { EventName, EventPayload } from '../../shared/contract/events';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Push events from core to whichever host is listening (IPC webContents.send, SSE, tests). */
export class EventBus {
  private listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // A broken listener (closed window, dropped SSE client) must not break the operation that emitted.
      }
    }
  }
}
