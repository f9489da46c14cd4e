import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonOf, ledgerInProcess, withContext } from '../../helpers/cli';
import { call, tempDir } from '../../helpers/context';

type Entries = { data: { entries: { operator: string; action: string }[] } };

async function folderWithLogin(): Promise<{ ledger: (args: string[], env?: NodeJS.ProcessEnv) => ReturnType<typeof ledgerInProcess> }> {
  const dir = path.join(tempDir(), '数据');
  await withContext(dir, async (ctx) => {
    await call(ctx, 'operators.add', { name: '王主席', role: 'admin', password: 'secret-admin' });
    await call(ctx, 'operators.add', { name: '钱查阅', role: 'viewer', password: 'secret-viewer' });
  });
  return { ledger: (args, env = {}) => ledgerInProcess(['--data-dir', dir, ...args], env) };
}

describe('ledger --as NAME (#16)', () => {
  it('runs as that operator with the password from LEDGER_PASSWORD; 修改记录 names them; no 管理员 warning', async () => {
    const { ledger } = await folderWithLogin();
    const r = await ledger(['--as', '王主席', 'settings', 'set', 'unitName', '某某学校'], { LEDGER_PASSWORD: 'secret-admin' });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('命令行以管理员身份运行');
    const log = jsonOf<Entries>(await ledger(['audit', 'list', '--json']));
    expect(log.data.entries.slice(0, 2).map((e) => [e.action, e.operator])).toEqual([
      ['settings.update', '王主席'],
      ['operators.login', '王主席'],
    ]);
  });

  it('a wrong or missing password: exit 1 with a Chinese message, nothing done, the failed try logged', async () => {
    const { ledger } = await folderWithLogin();
    const wrong = await ledger(['--as', '王主席', 'settings', 'set', 'unitName', '某某学校'], { LEDGER_PASSWORD: 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('不能以「王主席」身份运行：操作员或密码不正确。');
    const missing = await ledger(['--as', '王主席', 'settings', 'get']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('需要密码');
    const unknown = await ledger(['--as', '张三', 'settings', 'get'], { LEDGER_PASSWORD: 'x' });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有名为「张三」的操作员。');
    const log = jsonOf<Entries>(await ledger(['audit', 'list', '--json']));
    expect(log.data.entries.some((e) => e.action === 'settings.update')).toBe(false);
    expect(log.data.entries[0]).toMatchObject({ action: 'operators.loginFailed', operator: '王主席' });
  });

  it("runs with that operator's permissions: 查阅 may not change 设置", async () => {
    const { ledger } = await folderWithLogin();
    const r = await ledger(['--as', '钱查阅', 'settings', 'set', 'unitName', '某某学校'], { LEDGER_PASSWORD: 'secret-viewer' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/查阅没有此权限/);
    const read = await ledger(['--as', '钱查阅', 'settings', 'get', 'unitName'], { LEDGER_PASSWORD: 'secret-viewer' });
    expect(read.code).toBe(0);
  });

  it('without --as and login on: runs as 管理员 with the warning', async () => {
    const { ledger } = await folderWithLogin();
    const r = await ledger(['settings', 'set', 'unitName', '某某学校']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('命令行以管理员身份运行');
  });
});
