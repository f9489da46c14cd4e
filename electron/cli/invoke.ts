import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { AppContext } from '../core/context';
import { AppError } from '../core/errors';

/**
 * Calls a channel through the router, exactly as the app's windows do, so the CLI gets the same validation,
 * audit and messages; a failure becomes an AppError carrying the router's code and Chinese message.
 */
export async function invoke<C extends ChannelName>(ctx: AppContext, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await ctx.dispatch(channel, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
  return r.data as ChannelOutput<C>;
}
