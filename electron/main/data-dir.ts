import path from 'node:path';
import { defaultDataDir } from '../core/paths';

/**
 * The data folder: `--data-dir DIR` (or `--data-dir=DIR`) on the command line, else LEDGER_DATA_DIR, else
 * the per-user folder core computes — the same one Electron would pick as userData for 工会台账.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value && !value.startsWith('--')) return path.resolve(value);
    } else if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value) return path.resolve(value);
    }
  }
  return defaultDataDir(env, platform);
}
