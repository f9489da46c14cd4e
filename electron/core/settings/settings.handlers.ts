import type { AppContext } from '../context';
import type { Handlers } from '../router';
import { getSettings, updateSettings } from './settings.service';

export const settingsHandlers: Pick<Handlers<AppContext>, 'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
};
