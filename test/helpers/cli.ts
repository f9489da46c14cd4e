import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI_BUNDLE = path.join(ROOT, 'dist', 'cli', 'main.cjs');
export const CLI_BIN = path.join(ROOT, 'electron', 'cli', 'bin.cjs');

/**
 * Builds the Node bundles the way `npm run build:node` does. Another entry point failing to build (work in
 * progress elsewhere) does not matter here as long as the CLI bundle itself was written.
 */
export function buildCli(): void {
  const started = Date.now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'build', 'scripts', 'build-node.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    const written = fs.existsSync(CLI_BUNDLE) && fs.statSync(CLI_BUNDLE).mtimeMs >= started - 1000;
    if (!written) throw new Error(`building the CLI failed: ${String((e as { stderr?: Buffer }).stderr ?? e)}`, { cause: e });
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script with this Node (the project's Node 24) in a separate process, as a clerk's shell would. */
export function runNode(args: string[], opts: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Promise<CliRun> {
  const env = { ...process.env, ...opts.env };
  // A developer's own data folder must never leak into a test run.
  if (!opts.env?.LEDGER_DATA_DIR) delete env.LEDGER_DATA_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `ledger …` through the built bundle, like `node dist/cli/main.cjs --data-dir D …`. */
export const runCli = (args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> => runNode([CLI_BUNDLE, ...args], opts);

/** Parses stdout as the one JSON document --json promises; fails loudly on anything else. */
export function jsonOf<T = unknown>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}
