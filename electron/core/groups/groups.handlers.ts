import type { AppContext } from '../context';
import type { Handlers } from '../router';
import { createUnit, removeUnit, unitTree, updateUnitInfo } from './groups.service';

export const groupsHandlers: Pick<Handlers<AppContext>, 'groups.tree' | 'groups.create' | 'groups.update' | 'groups.remove'> = {
  'groups.tree': (_i, ctx) => unitTree(ctx.db),
  'groups.create': (input, ctx) => createUnit(ctx, input),
  'groups.update': (input, ctx) => updateUnitInfo(ctx, input),
  'groups.remove': (input, ctx) => ({ removed: removeUnit(ctx, input.id) }),
};
