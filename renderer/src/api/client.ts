import '../../../shared/zod-zh';
import {
  contract,
  events,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from '../../../shared/contract';
import { ApiError, type FieldIssue } from './errors';
import type { Transport } from './transport';

export interface ApiClient {
  readonly transport: Transport['kind'];
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Same shape as the core's issues, so a form maps client-side and server-side errors the same way. */
const toIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] =>
  issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));

/**
 * Typed calls over any transport. Input is checked with the channel's own schema before it leaves, so the
 * clerk sees the field message at once; the core checks again because the renderer is not trusted.
 */
export function createClient(transport: Transport): ApiClient {
  return {
    transport: transport.kind,
    async call(channel, input) {
      const def = contract[channel];
      const checked = def.input.safeParse(input ?? {});
      if (!checked.success) {
        const issues = toIssues(checked.error.issues);
        const first = issues[0];
        throw new ApiError(
          { code: 'VALIDATION', message: first ? `输入有误：${first.message}` : '输入有误。', details: { issues } },
          channel,
        );
      }
      const result = await transport.invoke(channel, input ?? {});
      if (!result.ok) throw new ApiError(result.error, channel);
      return result.data as ChannelOutput<typeof channel>;
    },
    on(event, listener) {
      // A push event that does not match its schema is dropped rather than handed to a page half-formed.
      return transport.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}
