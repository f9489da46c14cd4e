import { CHECKS, type CheckResult } from '../checks';
import { EXIT, type CliCommand } from '../command';

const MARK: Record<CheckResult['status'], string> = { ok: '[正常]', problem: '[问题]', skipped: '[跳过]' };

export const checkCommand: CliCommand = {
  words: ['check'],
  minArgs: 0,
  maxArgs: 0,
  summary: '检查数据：数据库完整性、记录之间的引用、数据库版本、备份文件夹、未完成的备份、附件文件、修改记录校验链。发现问题时退出码为 1。',
  async run({ ctx }) {
    const results: (CheckResult & { id: string; label: string })[] = [];
    for (const check of CHECKS) {
      let r: CheckResult;
      try {
        r = await check.run(ctx);
      } catch (e) {
        // A check that cannot run is itself a finding, and the other checks still run.
        r = { status: 'problem', summary: `检查无法进行：${(e as Error).message}` };
      }
      results.push({ id: check.id, label: check.label, ...r });
    }
    const problems = results.filter((r) => r.status === 'problem').length;
    const lines = results.flatMap((r) => [`${MARK[r.status]} ${r.label}：${r.summary}`, ...(r.details ?? []).map((d) => `    ${d}`)]);
    lines.push(problems ? `检查完毕：发现 ${problems} 项问题。` : '检查完毕：没有发现问题。');
    return { data: { healthy: problems === 0, checks: results }, lines, exitCode: problems ? EXIT.failed : EXIT.ok };
  },
};
