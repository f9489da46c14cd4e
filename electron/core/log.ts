import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

type Sink = (line: string) => void;

function makeLogger(sink: Sink, scope: string): Logger {
  const write = (level: string, msg: string, extra?: Record<string, unknown>) => {
    const entry = { at: new Date().toISOString(), level, scope, msg, ...extra };
    sink(JSON.stringify(entry, (_k, v: unknown) => (v instanceof Error ? { message: v.message, stack: v.stack } : v)));
  };
  return {
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
    child: (s) => makeLogger(sink, `${scope}.${s}`),
  };
}

/** One JSON line per entry in logs/ledger-YYYY-MM-DD.log: greppable, and Playwright attaches it to failures. */
export function createFileLogger(logsDir: string, scope = 'ledger'): Logger {
  fs.mkdirSync(logsDir, { recursive: true });
  const sink: Sink = (line) => {
    const file = path.join(logsDir, `ledger-${new Date().toISOString().slice(0, 10)}.log`);
    try {
      fs.appendFileSync(file, line + '\n');
    } catch {
      // A full disk must not turn logging into a crash; the operation itself reports its own failure.
    }
  };
  return makeLogger(sink, scope);
}

export const silentLogger: Logger = makeLogger(() => undefined, 'silent');
