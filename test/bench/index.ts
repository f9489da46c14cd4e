import { benchImport } from './import.bench';
import { benchMembers } from './members.bench';

/**
 * `npm run bench`: figures and ratios against the bare library on the same run. No thresholds fail here;
 * targets are printed beside the figures so a regression is visible, not hidden in a flaky timed test.
 */
async function main(): Promise<void> {
  const only = process.argv[2];
  console.log(`工会台账 bench · Node ${process.version} · ${new Date().toISOString()}`);
  if (!only || only === 'members') await benchMembers();
  if (!only || only === 'import' || only === 'import-child') await benchImport(process.argv.slice(2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
