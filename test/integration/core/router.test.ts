import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { AppError } from '../../../electron/core/errors';
import { allHandlers } from '../../../electron/core/handlers';
import { createFileLogger } from '../../../electron/core/log';
import { createRouter } from '../../../electron/core/router';
import type { AppErrorData } from '../../../shared/result';
import { call, openTestContext, tempDir } from '../../helpers/context';

let ctx: AppContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const HAS_CHINESE = /[\u4e00-\u9fff]/;

async function failure(channel: string, input: unknown): Promise<AppErrorData> {
  if (!ctx) throw new Error('no context');
  const r = await ctx.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded with ${JSON.stringify(input)}`);
  return r.error;
}

const readLogs = (logsDir: string): string =>
  fs
    .readdirSync(logsDir)
    .map((f) => fs.readFileSync(path.join(logsDir, f), 'utf8'))
    .join('');

describe('router', () => {
  it('answers an unknown channel with VALIDATION instead of throwing', async () => {
    ctx = await openTestContext();
    const e = await failure('members.dropEverything', {});
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('未知的操作');
    expect(await failure('__proto__', {})).toMatchObject({ code: 'VALIDATION' });
    expect(await failure('toString', {})).toMatchObject({ code: 'VALIDATION' });
  });

  it.each([
    ['a wrong type', { unitName: 42 }],
    ['an unknown key', { unitName: '某校', isAdmin: true }],
    ['a value outside the list', { unitType: 'army' }],
    ['null', null],
    ['a string', 'unitName=某校'],
    ['an array', [{ unitName: '某校' }]],
  ])('refuses a malformed payload (%s) with a Chinese VALIDATION message and changes nothing', async (_what, payload) => {
    ctx = await openTestContext();
    const e = await failure('settings.update', payload);
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/^输入有误/);
    expect(e.message).toMatch(HAS_CHINESE);
    expect(e.details).toMatchObject({ issues: expect.any(Array) });
    expect(await call(ctx, 'audit.list', {})).toEqual([]);
  });

  it('refuses extra keys on a channel that takes no input', async () => {
    ctx = await openTestContext();
    expect(await failure('app.info', { verbose: true })).toMatchObject({ code: 'VALIDATION' });
    // Omitting the input altogether is how a no-input channel is called.
    expect((await ctx.dispatch('app.info', undefined)).ok).toBe(true);
  });

  it('passes an AppError through with its own code and message', async () => {
    ctx = await openTestContext();
    const e = await failure('backup.restore', { name: 'ledger-20990101-000000-000-manual.sqlite' });
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: '找不到备份「ledger-20990101-000000-000-manual.sqlite」。' });
  });

  it('turns a plain Error from a handler into INTERNAL with a correlation id that is in the log file', async () => {
    const dataDir = tempDir();
    ctx = await openTestContext({ dataDir, logger: createFileLogger(path.join(dataDir, 'logs')) });
    // Breaks the schema under the handler, so SQLite itself throws an ordinary Error.
    ctx.db.exec('DROP TABLE settings');
    const e = await failure('settings.get', {});
    expect(e.code).toBe('INTERNAL');
    expect(e.correlationId).toMatch(/^[0-9a-f]{8}$/);
    expect(e.message).toContain(e.correlationId);
    expect(e.message).toMatch(HAS_CHINESE);
    expect(e.message).not.toContain('no such table');

    const logged = readLogs(ctx.paths.logsDir)
      .split('\n')
      .filter((l) => l.includes(e.correlationId!))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'error', channel: 'settings.get', correlationId: e.correlationId });
    expect(JSON.stringify(logged[0])).toContain('no such table: settings');
  });

  it('keeps a throwing handler from escaping the router, whatever it throws', async () => {
    const logsDir = path.join(tempDir(), 'logs');
    const throwing = (thing: unknown) =>
      createRouter({
        handlers: {
          ...allHandlers,
          'app.info': () => {
            throw thing;
          },
        },
        ctx: {} as AppContext,
        logger: createFileLogger(logsDir),
        inRecovery: () => false,
      });
    for (const thing of [new TypeError('x is undefined'), 'a bare string', null, { weird: true }]) {
      const r = await throwing(thing)('app.info', {});
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INTERNAL');
        expect(readLogs(logsDir)).toContain(r.error.correlationId!);
      }
    }
    const appError = await throwing(new AppError('CONFLICT', '已被他人修改。'))('app.info', {});
    expect(appError).toEqual({ ok: false, error: { code: 'CONFLICT', message: '已被他人修改。' } });
  });
});
