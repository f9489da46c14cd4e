import type { AppContext } from './context';
import type { Handlers } from './router';
import { archiveHandlers } from './archive/archive.handlers';
import { careHandlers } from './care/care.handlers';
import { duesHandlers } from './dues/dues.handlers';
import { duesImportsHandlers } from './dues/dues-imports.handlers';
import { disclosuresHandlers } from './disclosures/disclosures.handlers';
import { groupsHandlers } from './groups/groups.handlers';
import { membersHandlers } from './members/members.handlers';
import { operatorsHandlers } from './operators/operators.handlers';
import { importsHandlers } from './members/import/imports.handlers';
import { proposalImportsHandlers } from './proposals/import/proposal-imports.handlers';
import { plansHandlers } from './plans/plans.handlers';
import { piiHandlers } from './pii/pii.handlers';
import { proposalsHandlers } from './proposals/proposals.handlers';
import { settingsHandlers } from './settings/settings.handlers';
import { systemHandlers } from './system/system.handlers';

/** Every channel's handler; the type makes a channel without a handler a compile error. */
export const allHandlers: Handlers<AppContext> = {
  ...systemHandlers,
  ...archiveHandlers,
  ...settingsHandlers,
  ...membersHandlers,
  ...groupsHandlers,
  ...disclosuresHandlers,
  ...proposalsHandlers,
  ...importsHandlers,
  ...proposalImportsHandlers,
  ...careHandlers,
  ...plansHandlers,
  ...duesHandlers,
  ...duesImportsHandlers,
  ...operatorsHandlers,
  ...piiHandlers,
};
