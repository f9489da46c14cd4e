import { benchArchive } from './archive.bench';
import { benchImport } from './import.bench';
import { benchJobs } from './jobs.bench';
import { benchMembers } from './members.bench';

/**
 * `npm run bench`: figures and ratios against the bare library on the same run. No thresholds fail here;
 * targets are printed beside the figures so a regression is visible, not hidden in a flaky timed test.
 */
async function main(): Promise<void> {
  const only = process.argv[2];
  console.log(`工会台账 bench · Node ${process.version} · ${new Date().toISOString()}`);
  // `members search`: only the search table (the rest of the section — list, detail, export, backup — skipped).
  if (!only || only === 'members') await benchMembers({ searchOnly: process.argv[3] === 'search' });
  if (!only || only === 'import' || only === 'import-child') await benchImport(process.argv.slice(2));
  // `jobs [export|backup|undo|dues]`: the long jobs' event-loop figures alone (issue 15 item 16).
  if (!only || only === 'jobs') await benchJobs(process.argv[3]);
  if (!only || only === 'archive') await benchArchive();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
