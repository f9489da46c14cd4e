import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../core/context';
import { createAppContext } from '../core/create-context';
import { AppError } from '../core/errors';
import { defaultDataDir } from '../core/paths';
import { browserHostPorts } from './host-ports';
import { startServer } from './server';

/** Browser mode: the same core and renderer as the desktop app, on 127.0.0.1 only. */
export const DEFAULT_PORT = 5317;
const AUTO_BACKUP_MS = 30 * 60 * 1000;

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  const port = process.env.PORT !== undefined ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT 必须是 0–65535 之间的整数，收到「${process.env.PORT}」。`);
    process.exit(2);
  }
  const testMode = process.env.LEDGER_TEST === '1';
  const webDir = process.env.LEDGER_WEB_DIR ?? path.resolve(__dirname, '..', 'web');
  const ports = browserHostPorts();
  const open = () => createAppContext({ dataDir, host: 'browser', ports, autoBackupMs: testMode ? 0 : AUTO_BACKUP_MS });

  let ctx: AppContext = await open();
  const server = await startServer({
    getContext: () => ctx,
    webDir: fs.existsSync(webDir) ? webDir : null,
    port,
    ...(testMode
      ? {
          onTestReset: async () => {
            await ctx.close();
            for (const entry of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
            ctx = await open();
          },
        }
      : {}),
  });
  console.log(`工会台账（浏览器模式）已启动：${server.url}`);
  console.log(`数据文件夹：${dataDir}`);
  console.log('按 Ctrl+C 退出（退出时自动备份）。');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await ports.pdf.close();
    await ctx.close({ backupReason: testMode ? undefined : 'quit' });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  if (e instanceof AppError) {
    console.error(e.message);
  } else {
    console.error('启动失败：', e);
  }
  process.exit(1);
});
