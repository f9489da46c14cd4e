import os from 'node:os';
import path from 'node:path';

/** Electron's app.getPath('userData') for productName 工会台账, computed without importing electron. */
export const APP_DIR_NAME = '工会台账';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LEDGER_DATA_DIR) return path.resolve(env.LEDGER_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

export interface DataPaths {
  dataDir: string;
  dbPath: string;
  backupsDir: string;
  logsDir: string;
  filesDir: string;
  tmpDir: string;
  lockPath: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    dbPath: path.join(dataDir, 'ledger.sqlite'),
    backupsDir: path.join(dataDir, 'backups'),
    logsDir: path.join(dataDir, 'logs'),
    filesDir: path.join(dataDir, 'files'),
    tmpDir: path.join(dataDir, 'tmp'),
    lockPath: path.join(dataDir, 'ledger.lock'),
  };
}
