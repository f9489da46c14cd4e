import { DEFAULT_CARE_OCCASIONS } from '../../../shared/domain/care-labels';
import { yuan } from '../../../shared/domain/dues';
import { UsageError, type CliCommand } from '../command';
import { invoke } from '../invoke';

/** The clerk's label (as 设置 words it) or the key. */
async function occasionKey(ctx: Parameters<CliCommand['run']>[0]['ctx'], text: string, cmd: CliCommand): Promise<string> {
  const list = await invoke(ctx, 'care.occasionsGet', {});
  const hit = list.find((o) => o.key === text) ?? list.find((o) => o.label === text.trim());
  if (!hit) throw new UsageError(`没有「${text}」这种慰问事由。可用：${list.map((o) => o.label).join('、')}。`, cmd);
  return hit.key;
}

export const careListCommand: CliCommand = {
  words: ['care', 'list'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出一年的慰问记录（按慰问日期）和金额合计。',
  options: {
    year: { type: 'string', valueName: '年份', description: '年度，如 2026（默认今年）' },
    occasion: { type: 'string', valueName: '事由', description: `只列出这种事由：${DEFAULT_CARE_OCCASIONS.map((o) => o.label).join('、')}（或设置中的事由）` },
  },
  async run({ ctx, options }) {
    const year = typeof options.year === 'string' ? Number(options.year) : ctx.clock().getFullYear();
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`年份「${String(options.year)}」不对，应为 2000 至 2100 之间的四位数。`, careListCommand);
    let occasion: string | undefined;
    if (typeof options.occasion === 'string') occasion = await occasionKey(ctx, options.occasion, careListCommand);
    const r = await invoke(ctx, 'care.list', { year, ...(occasion ? { occasion } : {}) });
    return {
      data: {
        year,
        total: r.rows.length,
        totalFen: r.totalFen,
        visits: r.rows.map((v) => ({
          id: v.id,
          member: v.memberName,
          idNumber: v.idNumber,
          group: v.groupName,
          occasion: v.occasionLabel,
          occasionCode: v.occasion,
          visitDate: v.visitDate,
          amountFen: v.amountFen,
          overRule: v.overRule,
          reason: v.reason,
          approval: v.approval,
          payeeSigned: v.payeeSigned,
          voucherNo: v.voucherNo,
        })),
      },
      lines: [
        ...r.rows.map((v) => [v.visitDate, v.memberName, v.occasionLabel, `${yuan(v.amountFen)} 元`, v.overRule ? `${v.overRule}：${v.reason ?? ''}` : ''].join('\t')),
        `${year} 年共 ${r.rows.length} 次慰问，合计 ${yuan(r.totalFen)} 元。`,
      ],
    };
  },
};

export const careAddCommand: CliCommand = {
  words: ['care', 'add'],
  minArgs: 0,
  maxArgs: 0,
  summary: '登记一次慰问。超过该事由的标准或次数时必须用 --reason 说明原因，否则不予登记。',
  options: {
    member: { type: 'string', valueName: '会员', description: '身份证号、会员证号或内部编号', required: true },
    occasion: { type: 'string', valueName: '事由', description: `${DEFAULT_CARE_OCCASIONS.map((o) => o.label).join('、')}（或设置中的事由）`, required: true },
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: '慰问日期', required: true },
    amount: { type: 'string', valueName: '元', description: '金额（元），最多两位小数', required: true },
    form: { type: 'string', valueName: '形式', description: 'cash（慰问金，默认）、gift（慰问品）或 both' },
    reason: { type: 'string', valueName: '原因', description: '超标准原因' },
  },
  async run({ ctx, options }) {
    const need = (k: string) => {
      const v = options[k];
      if (typeof v !== 'string' || !v.trim()) throw new UsageError(`请用 --${k} 指定${careAddCommand.options![k]!.description}。`, careAddCommand);
      return v.trim();
    };
    const occasionText = need('occasion');
    const occasion = await occasionKey(ctx, occasionText, careAddCommand);
    const member = await invoke(ctx, 'members.find', { key: need('member') });
    const amountText = need('amount');
    const amount = Number(amountText);
    if (!Number.isFinite(amount)) throw new UsageError(`金额「${amountText}」应为数字（元），如 --amount 500。`, careAddCommand);
    const form = typeof options.form === 'string' ? options.form : 'cash';
    const v = await invoke(ctx, 'care.create', {
      visit: {
        memberId: member.id,
        occasion,
        visitDate: need('date'),
        form: form as 'cash' | 'gift' | 'both',
        amount,
        reason: typeof options.reason === 'string' ? options.reason : null,
      },
    });
    return {
      data: { id: v.id, member: v.memberName, occasion: v.occasionLabel, visitDate: v.visitDate, amountFen: v.amountFen, overRule: v.overRule, reason: v.reason },
      lines: [`已登记：${v.visitDate} ${v.memberName} ${v.occasionLabel} ${yuan(v.amountFen)} 元${v.overRule ? `（${v.overRule}：${v.reason ?? ''}）` : ''}。`],
    };
  },
};

export const careBirthdaysCommand: CliCommand = {
  words: ['care', 'birthdays'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出某月过生日的在册会员（不含保留会籍）。',
  options: {
    month: { type: 'string', valueName: '月', description: '月份 1–12 或 YYYY-MM（默认本月）' },
  },
  async run({ ctx, options }) {
    const now = ctx.clock();
    let year = now.getFullYear();
    let month = now.getMonth() + 1;
    if (typeof options.month === 'string') {
      const m = /^(?:(\d{4})-)?(\d{1,2})$/.exec(options.month.trim());
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UsageError(`月份「${options.month}」不对，应为 1–12 或 YYYY-MM。`, careBirthdaysCommand);
      if (m[1]) year = Number(m[1]);
      month = Number(m[2]);
    }
    const rows = await invoke(ctx, 'care.birthdays', { year, month });
    return {
      data: { year, month, members: rows },
      lines: [...rows.map((r) => [r.name, r.birthDate, `${r.age} 岁`, r.department ?? ''].join('\t')), `${year}年${month}月过生日的在册会员 ${rows.length} 人。`],
    };
  },
};

export const careDecadeCommand: CliCommand = {
  words: ['care', 'decade'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出某年逢十生日（年龄为 10 的倍数）的会员，含保留会籍的退休会员。',
  options: {
    year: { type: 'string', valueName: '年份', description: '年度，如 2026（默认今年）' },
    'min-age': { type: 'string', valueName: '岁', description: '起始年龄，如 60 只列 60、70、80… 岁（默认 10）' },
  },
  async run({ ctx, options }) {
    const year = typeof options.year === 'string' ? Number(options.year) : ctx.clock().getFullYear();
    if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new UsageError(`年份「${String(options.year)}」不对，应为四位数年份。`, careDecadeCommand);
    const rawMin = options['min-age'];
    const minAge = typeof rawMin === 'string' ? Number(rawMin) : 10;
    if (!Number.isInteger(minAge) || minAge < 0 || minAge > 120) throw new UsageError(`起始年龄「${String(rawMin)}」不对，应为 0 至 120 的整数。`, careDecadeCommand);
    const rows = await invoke(ctx, 'care.decade', { year, minAge });
    return {
      data: { year, minAge, members: rows },
      lines: [
        ...rows.map((r) => [r.name, r.birthDate, r.date, `${r.age} 岁`, r.retained ? '保留会籍' : '在册', r.department ?? ''].join('\t')),
        `${year}年逢十生日（${minAge} 岁起）的会员 ${rows.length} 人。`,
      ],
    };
  },
};
