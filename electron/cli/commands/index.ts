import type { CliCommand } from '../command';
import { ARCHIVE_COMMANDS } from './archive';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { careAddCommand, careBirthdaysCommand, careDecadeCommand, careListCommand } from './care';
import { duesCollectionCommand, duesComputeCommand, duesImportCommand, duesSummaryCommand, duesUndoImportCommand, duesUnpaidCommand } from './dues';
import { disclosuresCatalogueCommand, disclosuresListCommand, disclosuresShowCommand } from './disclosures';
import { infoCommand } from './info';
import { membersExportCommand, membersListCommand, membersShowCommand } from './members';
import { membersImportCommand, membersImportsCommand, membersUndoImportCommand } from './members-import';
import { OPERATORS_COMMANDS } from './operators';
import { PLANS_COMMANDS } from './plans';
import { proposalsListCommand, proposalsStatsCommand } from './proposals';
import { proposalsImportCommand, proposalsUndoImportCommand } from './proposals-import';
import { restoreCommand } from './restore';
import { settingsGetCommand, settingsSetCommand } from './settings';

/** Every verb of `ledger`, in the order the help lists them. A new verb is one module and one line here. */
export const COMMANDS: readonly CliCommand[] = [
  infoCommand,
  backupCommand,
  restoreCommand,
  checkCommand,
  settingsGetCommand,
  settingsSetCommand,
  membersListCommand,
  membersShowCommand,
  membersExportCommand,
  membersImportCommand,
  membersUndoImportCommand,
  membersImportsCommand,
  disclosuresListCommand,
  disclosuresShowCommand,
  disclosuresCatalogueCommand,
  proposalsListCommand,
  proposalsStatsCommand,
  proposalsImportCommand,
  proposalsUndoImportCommand,
  ...ARCHIVE_COMMANDS,
  careListCommand,
  careAddCommand,
  careBirthdaysCommand,
  careDecadeCommand,
  duesComputeCommand,
  duesUnpaidCommand,
  duesImportCommand,
  duesUndoImportCommand,
  duesCollectionCommand,
  duesSummaryCommand,
  ...PLANS_COMMANDS,
  ...OPERATORS_COMMANDS,
];
