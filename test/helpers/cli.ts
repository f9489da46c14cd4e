import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { main, type CliIo } from '../../electron/cli/main';
import type { AppContext } from '../../electron/core/context';
import { openTestContext } from './context';

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
export function jsonOf<T = unknown>(run: { stdout: string; stderr: string }): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

/** Sets up or inspects a folder in-process, where that is not what the test is about (a spawn costs ~0.2 s). */
export async function withContext<T>(dataDir: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openTestContext({ dataDir });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** main() with its output captured: the bundle's own code path, without a process per call. */
export async function ledgerInProcess(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env };
  const code = await main(argv, io);
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
}
