import { EVENT_NAMES, type EventName } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { unreachable, type Transport } from './transport';

export interface HttpTransportOptions {
  /** Origin of the loopback host; '' means the page's own origin (the normal case). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Absent in Node tests; then push events are simply not delivered. */
  EventSource?: typeof EventSource;
}

type Listener = (payload: never) => void;

/** Browser mode: POST /api/rpc/:channel with JSON (always HTTP 200 with a Result), events over SSE. */
export function createHttpTransport(opts: HttpTransportOptions = {}): Transport {
  const base = opts.baseUrl ?? '';
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const ES = opts.EventSource ?? (typeof EventSource === 'undefined' ? undefined : EventSource);
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;

  // One stream for all events, opened with the first subscriber; EventSource reconnects by itself.
  const ensureSource = () => {
    if (source || !ES) return;
    source = new ES(`${base}/api/events`);
    source.onmessage = (ev: MessageEvent<string>) => {
      let frame: { name?: unknown; payload?: unknown };
      try {
        frame = JSON.parse(ev.data) as typeof frame;
      } catch {
        return;
      }
      const name = frame.name as EventName;
      if (!EVENT_NAMES.includes(name)) return;
      for (const l of listeners.get(name) ?? []) l(frame.payload as never);
    };
  };

  return {
    kind: 'http',
    async invoke(channel, input) {
      let res: Response;
      try {
        res = await doFetch(`${base}/api/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return unreachable('网络请求失败');
      }
      try {
        return (await res.json()) as Result<unknown>;
      } catch {
        return unreachable(`HTTP ${res.status}`);
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener);
      ensureSource();
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}
