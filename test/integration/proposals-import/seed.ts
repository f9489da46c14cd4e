import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../electron/core/context';
import type { ProposalImportPreview, ProposalImportResult } from '../../../shared/contract';
import { call, tempDir } from '../../helpers/context';
import { seedSession, type Seeded } from '../proposals/seed';
import { registerWorkbook, type RegisterRow } from './register';

export interface RegisterSeed extends Seeded {
  wangFang: { first: number; second: number };
  notRep: number;
}

/**
 * 五届二次 as in ../proposals/seed.ts (张三丰、李秀英、王建国 in 第一代表团, 赵敏、钱学森、孙小美 in 第二代表团),
 * plus two representatives named 王芳 (one per 代表团) and 周非代, a member who is not a representative.
 */
export async function seedRegisterPeople(ctx: AppContext): Promise<RegisterSeed> {
  const s = await seedSession(ctx);
  const first = await call<{ id: number }>(ctx, 'members.create', { member: { name: '王芳', department: '教务处' } });
  const second = await call<{ id: number }>(ctx, 'members.create', { member: { name: '王芳', department: '人事处' } });
  const notRep = await call<{ id: number }>(ctx, 'members.create', { member: { name: '周非代', department: '体育组' } });
  await call(ctx, 'representatives.add', {
    sessionId: s.session.id,
    entries: [
      { memberId: first.id, delegation: '第一代表团' },
      { memberId: second.id, delegation: '第二代表团' },
    ],
  });
  return { ...s, wangFang: { first: first.id, second: second.id }, notRep: notRep.id };
}

/** Writes the register to a file and registers it the way the CLI and the Electron dialog do. */
export async function registerFile(ctx: AppContext, rows?: RegisterRow[], name = '提案登记表.xlsx'): Promise<{ token: string; file: string }> {
  const file = path.join(tempDir('register-'), name);
  fs.writeFileSync(file, await registerWorkbook(rows));
  return { token: ctx.files.register(file, name, false).token, file };
}

export const preview = (ctx: AppContext, input: Record<string, unknown>) => call<ProposalImportPreview>(ctx, 'proposals.importPreview', input);
export const commit = (ctx: AppContext, input: Record<string, unknown>) => call<ProposalImportResult>(ctx, 'proposals.importCommit', input);

/** Everything an import writes, counted: equal counts before and after mean nothing was written. */
export function writtenCounts(ctx: AppContext): { proposals: number; events: number; seconders: number; batches: number; audit: number } {
  const n = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
  return {
    proposals: n('SELECT count(*) AS n FROM proposals'),
    events: n('SELECT count(*) AS n FROM proposal_events'),
    seconders: n('SELECT count(*) AS n FROM proposal_seconders'),
    batches: n("SELECT count(*) AS n FROM import_batches WHERE kind = 'proposals'"),
    audit: n('SELECT count(*) AS n FROM audit_log'),
  };
}
