import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { ledgerInProcess, withContext } from '../../helpers/cli';
import { call, openTestContext, tempDir } from '../../helpers/context';

let ctx: AppContext | null = null;
afterEach(async () => {
  await ctx?.close();
  ctx = null;
});

type Session = { loginEnabled: boolean; askLogin: boolean; lockMinutes: number; operator: { name: string } | null };
const auditCount = (c: AppContext) => (c.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('first run, recovery code and the idle time in 设置 (#16)', () => {
  it('asks once: 不需要 is remembered (no audit entry, nothing else changes); an operator also ends the question', async () => {
    ctx = await openTestContext();
    const c = ctx;
    expect(await call<Session>(c, 'operators.current')).toMatchObject({ askLogin: true, loginEnabled: false, operator: { name: '管理员' } });
    const before = auditCount(c);
    expect(await call<Session>(c, 'operators.skipLogin')).toMatchObject({ askLogin: false, loginEnabled: false });
    expect(auditCount(c)).toBe(before);

    // Remembered in the folder, not in the window.
    const dir = ctx.paths.dataDir;
    await ctx.close();
    ctx = await openTestContext({ dataDir: dir });
    expect((await call<Session>(ctx, 'operators.current')).askLogin).toBe(false);
    await ctx.close();
    ctx = await openTestContext();
    await call(ctx, 'operators.add', { name: '李干事', role: 'clerk' });
    expect((await call<Session>(ctx, 'operators.current')).askLogin).toBe(false);
  });

  it('the first 管理员 password returns a recovery code once; only its scrypt hash is stored', async () => {
    ctx = await openTestContext();
    const c = ctx;
    const first = await call<{ recoveryCode?: string }>(c, 'operators.add', { name: '王主席', role: 'admin', password: 'secret-1' });
    expect(first.recoveryCode).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    const second = await call<{ recoveryCode?: string }>(c, 'operators.add', { name: '张副主席', role: 'admin', password: 'secret-2' });
    expect(second.recoveryCode).toBeUndefined();
    const dump = JSON.stringify(c.db.prepare('SELECT * FROM settings').all()) + JSON.stringify(c.db.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toContain(first.recoveryCode!);
    expect(dump).not.toContain(first.recoveryCode!.replace(/-/g, ''));
    expect(dump).toContain('scrypt$');
    expect((await call<Session>(c, 'operators.current')).askLogin).toBe(false);
  });

  it('ledger operators recover --code --password resets that 管理员 and issues a new code; a wrong code exits 1', async () => {
    const dir = path.join(tempDir(), '数据');
    const code = await withContext(dir, async (c) => {
      const r = await call<{ recoveryCode: string }>(c, 'operators.add', { name: '王主席', role: 'admin', password: 'forgotten' });
      return r.recoveryCode;
    });
    const ledger = (...args: string[]) => ledgerInProcess(['--data-dir', dir, ...args]);
    const wrong = await ledger('operators', 'recover', '--code', 'AAAAA-AAAAA-AAAAA-AAAAA', '--password', 'new-secret');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('恢复码不正确。');

    const ok = await ledger('operators', 'recover', '--code', code.toLowerCase(), '--password', 'new-secret');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('已重设管理员「王主席」的密码');
    const next = /新的恢复码（只显示这一次）：(\S+)/.exec(ok.stdout)?.[1];
    expect(next).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);

    expect((await ledgerInProcess(['--data-dir', dir, '--as', '王主席', 'settings', 'get'], { LEDGER_PASSWORD: 'forgotten' })).code).toBe(1);
    expect((await ledgerInProcess(['--data-dir', dir, '--as', '王主席', 'settings', 'get'], { LEDGER_PASSWORD: 'new-secret' })).code).toBe(0);
    // The old code is used up.
    expect((await ledger('operators', 'recover', '--code', code, '--password', 'other-secret')).code).toBe(1);
    const log = await ledger('audit', 'list');
    expect(log.stdout).toContain('用恢复码重设管理员密码');
    expect(log.stdout).toContain('恢复码不正确');
  });

  it('the idle lock uses 设置 → 自动锁定时间', async () => {
    let now = new Date('2026-03-02T09:00:00Z').getTime();
    ctx = await openTestContext({ clock: () => new Date(now) });
    const c = ctx;
    expect((await call<Session>(c, 'operators.current')).lockMinutes).toBe(15);
    await call(c, 'operators.add', { name: '王主席', role: 'admin', password: 'secret-1' });
    await call(c, 'settings.update', { lockMinutes: 5 });
    expect((await call<{ lockMinutes: number }>(c, 'settings.get')).lockMinutes).toBe(5);
    now += 4 * 60_000;
    expect((await c.dispatch('members.list', {})).ok).toBe(true);
    now += 6 * 60_000;
    const locked = await c.dispatch('members.list', {});
    expect(locked.ok ? null : locked.error.message).toBe('长时间未操作，已自动锁定，请重新登录。');
    const bad = await c.dispatch('settings.update', { lockMinutes: 0 });
    expect(bad.ok).toBe(false);
  });
});
