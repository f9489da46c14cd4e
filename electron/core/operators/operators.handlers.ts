import type { AppContext } from '../context';
import type { Handlers } from '../router';
import {
  auditQuery,
  operatorsAdd,
  operatorsList,
  operatorsLogin,
  operatorsLogout,
  operatorsPasswd,
  operatorsRemove,
  skipLogin,
  sessionInfo,
} from './operators.service';
import { auditExportXlsx } from './audit-log.export';

type OperatorChannels =
  | 'operators.current'
  | 'operators.login'
  | 'operators.logout'
  | 'operators.list'
  | 'operators.add'
  | 'operators.remove'
  | 'operators.passwd'
  | 'operators.skipLogin'
  | 'audit.query'
  | 'audit.exportXlsx';

export const operatorsHandlers: Pick<Handlers<AppContext>, OperatorChannels> = {
  'operators.current': (_i, ctx) => sessionInfo(ctx),
  'operators.login': ({ name, password }, ctx) => operatorsLogin(ctx, name, password),
  'operators.logout': (_i, ctx) => operatorsLogout(ctx),
  'operators.list': (_i, ctx) => operatorsList(ctx),
  'operators.add': (input, ctx) => operatorsAdd(ctx, input),
  'operators.remove': ({ id }, ctx) => operatorsRemove(ctx, id),
  'operators.passwd': (input, ctx) => operatorsPasswd(ctx, input),
  'operators.skipLogin': (_i, ctx) => skipLogin(ctx),
  'audit.query': (q, ctx) => auditQuery(ctx, q),
  'audit.exportXlsx': (f, ctx) => auditExportXlsx(ctx, f),
};
