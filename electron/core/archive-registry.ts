import type { ArchiveContributor } from './archive/contributor';
import { careArchive } from './care/care.archive';
import { disclosuresArchive } from './disclosures/disclosures.archive';
import { membersArchive } from './members/members.archive';
import { plansArchive } from './plans/plans.archive';
import { proposalsArchive } from './proposals/proposals.archive';

/**
 * Every record type that contributes items to the year-end archive. A record type joins by adding its
 * `<type>.archive.ts` export here; archive/ itself names none of them.
 */
export const archiveContributors: readonly ArchiveContributor[] = [proposalsArchive, disclosuresArchive, membersArchive, careArchive, plansArchive];
