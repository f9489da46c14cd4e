import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/core/paths';
import { resolveDataDir } from '../../../electron/main/data-dir';

describe('resolveDataDir', () => {
  const env = { APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' } as NodeJS.ProcessEnv;

  it("defaults to the folder Electron calls userData for 工会台账", () => {
    expect(resolveDataDir(['electron.exe'], env, 'win32')).toBe(defaultDataDir(env, 'win32'));
    expect(defaultDataDir(env, 'win32')).toBe(path.join('C:\\Users\\clerk\\AppData\\Roaming', '工会台账'));
  });

  it('honours LEDGER_DATA_DIR, and --data-dir over it (both forms)', () => {
    const withEnv = { ...env, LEDGER_DATA_DIR: '/srv/ledger-env' };
    expect(resolveDataDir(['electron', '.'], withEnv, 'linux')).toBe(path.resolve('/srv/ledger-env'));
    expect(resolveDataDir(['electron', '.', '--data-dir', '/tmp/a'], withEnv, 'linux')).toBe(path.resolve('/tmp/a'));
    expect(resolveDataDir(['工会台账.exe', '--data-dir=/tmp/b'], withEnv, 'linux')).toBe(path.resolve('/tmp/b'));
  });

  it('ignores a --data-dir with no value', () => {
    expect(resolveDataDir(['electron', '--data-dir'], env, 'linux')).toBe(defaultDataDir(env, 'linux'));
    expect(resolveDataDir(['electron', '--data-dir', '--inspect'], env, 'linux')).toBe(defaultDataDir(env, 'linux'));
    expect(resolveDataDir(['electron', '--data-dir='], env, 'linux')).toBe(defaultDataDir(env, 'linux'));
  });
});
