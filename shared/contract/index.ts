import { z } from 'zod';
import { appChannels } from './app';
import { archiveChannels } from './archive';
import { careChannels } from './care';
import { duesChannels } from './dues';
import { duesImportsChannels } from './dues-imports';
import { disclosuresChannels } from './disclosures';
import { importsChannels } from './imports';
import { membersChannels } from './members';
import { operatorsChannels } from './operators';
import { proposalImportsChannels } from './proposal-imports';
import { plansChannels } from './plans';
import { piiChannels } from './pii';
import { proposalsChannels } from './proposals';
import { settingsChannels } from './settings';

/** Every channel of the app. Add an area's channels here; the router, preload allow-list and client follow. */
export const contract = {
  ...archiveChannels,
  ...appChannels,
  ...settingsChannels,
  ...membersChannels,
  ...disclosuresChannels,
  ...proposalsChannels,
  ...importsChannels,
  ...proposalImportsChannels,
  ...careChannels,
  ...plansChannels,
  ...duesChannels,
  ...duesImportsChannels,
  ...operatorsChannels,
  ...piiChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.infer<Contract[C]['output']>;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export const isChannelName = (name: string): name is ChannelName =>
  Object.prototype.hasOwnProperty.call(contract, name);

export * from './app';
export * from './archive';
export * from './settings';
export * from './events';
export * from './members';
export * from './disclosures';
export * from './proposals';
export * from './imports';
export * from './proposal-imports';
export * from './care';
export * from './plans';
export * from './dues';
export * from './dues-imports';
export * from './pii';
export * from './operators';
