import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
export const SERVER_ENTRY = path.join(root, 'dist', 'server', 'index.cjs');
const URL_RE = /(http:\/\/127\.0\.0\.1:\d+\/)/;

/** One loopback host on its own data folder, as `npm run web` starts it but on a free port and in test mode. */
export class LedgerServer {
  url = '';
  output = '';
  private child: ChildProcess | null = null;

  constructor(readonly dataDir: string) {}

  static tempDataDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'));
  }

  async start(): Promise<string> {
    if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`缺少 ${SERVER_ENTRY}：请先运行 npm run build`);
    // process.execPath is the Node 24 that better-sqlite3 was built for, not whatever `node` is on PATH.
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      env: {
        ...process.env,
        PORT: '0',
        LEDGER_DATA_DIR: this.dataDir,
        LEDGER_TEST: '1',
        // The office PC's clock: the page runs in Asia/Shanghai (playwright.config.ts), so the server must too,
        // or from 16:00 UTC the page's "today" is the server's tomorrow and every 今天 default is refused.
        TZ: 'Asia/Shanghai',
        // The run's private copy of the web build (global-setup.ts); dist/web when run without it.
        ...(process.env.LEDGER_E2E_WEB_DIR ? { LEDGER_WEB_DIR: process.env.LEDGER_E2E_WEB_DIR } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (s: string) => (this.output += s));
    child.stderr.on('data', (s: string) => (this.output += s));
    // Look for the URL only in what this start printed; an earlier run's line names a port now closed.
    const from = this.output.length;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`服务 15 秒内没有启动：\n${this.output}`)), 15_000);
      const onData = () => {
        const m = URL_RE.exec(this.output.slice(from));
        if (m) {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          resolve(m[1]!);
        }
      };
      child.stdout.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`服务启动后立即退出（${code}）：\n${this.output}`));
      });
    });
    return this.url;
  }

  /** SIGTERM lets the host close the database cleanly; a hung one is killed after a few seconds. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  logFiles(): string[] {
    const dir = path.join(this.dataDir, 'logs');
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => path.join(dir, f));
  }

  remove(): void {
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
