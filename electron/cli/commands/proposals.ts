import type { CongressSession, ProposalListRow } from '../../../shared/contract/proposals';
import {
  parseSessionKey,
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATE_LABELS,
  PROPOSAL_STATES,
  REPLY_CLASS_LABELS,
  SATISFACTION_LABELS,
  type ProposalState,
} from '../../../shared/domain/proposal-workflow';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { UsageError, type CliCommand } from '../command';
import { invoke } from '../invoke';

/** A session by internal id or by its name as clerks write it: 五届二次, 第五届第二次, 5-2. */
export async function resolveSession(ctx: AppContext, key: string): Promise<CongressSession> {
  const sessions = await invoke(ctx, 'sessions.list', {});
  const parsed = parseSessionKey(key);
  const found =
    (parsed ? sessions.find((s) => s.term === parsed.term && s.meeting === parsed.meeting) : undefined) ??
    (/^\d{1,9}$/.test(key.trim()) ? sessions.find((s) => s.id === Number(key.trim())) : undefined);
  if (!found) {
    const known = sessions.map((s) => `${s.label}（编号 ${s.id}）`).join('、') || '还没有登记任何届次';
    throw new AppError('NOT_FOUND', `找不到届次「${key}」。已有：${known}。`);
  }
  return found;
}

function parseStates(raw: string, command: CliCommand): ProposalState[] {
  return raw.split(/[,，]/).map((word) => {
    const w = word.trim();
    // 待交办 is what an 意见建议 waiting for assignment is called; it is the registered state too.
    const code = PROPOSAL_STATES.find((s) => s === w || PROPOSAL_STATE_LABELS[s] === w) ?? (w === '待交办' ? 'registered' : undefined);
    if (!code) {
      const known = PROPOSAL_STATES.map((s) => `${PROPOSAL_STATE_LABELS[s]}(${s})`).join('、');
      throw new UsageError(`没有「${w}」这种提案状态。可用：${known}。`, command);
    }
    return code;
  });
}

/** The JSON other tools read: number and state in Chinese, codes beside them. */
const jsonRow = (r: ProposalListRow) => ({
  id: r.id,
  session: r.sessionLabel,
  number: r.number,
  kind: PROPOSAL_KIND_LABELS[r.kind],
  kindCode: r.kind,
  title: r.title,
  category: r.category,
  proposer: r.proposerName,
  delegation: r.delegation,
  seconders: r.seconderCount,
  submittedDate: r.submittedDate,
  state: r.stateLabel,
  stateCode: r.state,
  leadUnit: r.leadUnit,
  replyDue: r.replyDue,
  overdue: r.overdue,
  replyClass: r.replyClass,
  feedback: r.feedback ? SATISFACTION_LABELS[r.feedback] : null,
  mergedInto: r.mergedInto?.number ?? null,
});

export const proposalsListCommand: CliCommand = {
  words: ['proposals', 'list'],
  minArgs: 0,
  maxArgs: 0,
  summary: '列出提案和意见建议（按届次、编号排列）。',
  details: ['--state 可写 待审查、已立案、已转意见建议、已并案、不予立案、已撤案、办理中、已答复、已反馈、已办结（逗号分隔多个）。'],
  options: {
    session: { type: 'string', valueName: '届次', description: '届次，如 五届二次、第五届第二次、5-2 或届次编号（默认全部届次）' },
    state: { type: 'string', valueName: '状态', description: '只列出这些状态' },
    overdue: { type: 'boolean', description: '只列出逾期未答复的' },
  },
  async run({ ctx, options }) {
    const session = typeof options.session === 'string' ? await resolveSession(ctx, options.session) : null;
    const states = typeof options.state === 'string' ? parseStates(options.state, proposalsListCommand) : undefined;
    const page = await invoke(ctx, 'proposals.list', {
      ...(session ? { sessionId: session.id } : {}),
      ...(states ? { states } : {}),
      ...(options.overdue ? { overdue: true } : {}),
      limit: 2000,
    });
    return {
      data: { session: session?.label ?? null, total: page.total, proposals: page.rows.map(jsonRow) },
      lines: [
        ...page.rows.map((r) =>
          [r.number, r.title, r.proposerName, r.stateLabel + (r.overdue ? '（逾期）' : ''), r.leadUnit ?? '', r.replyClass ?? ''].join('\t'),
        ),
        `共 ${page.total} 件${page.rows.length < page.total ? `，列出 ${page.rows.length} 件` : ''}。`,
      ],
    };
  },
};

const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)}%`);

export const proposalsStatsCommand: CliCommand = {
  words: ['proposals', 'stats'],
  minArgs: 0,
  maxArgs: 0,
  summary: '一个届次的提案统计：立案、办复、满意情况，按类别、承办部门和代表团。',
  details: ['比率的定义：立案率 = 立案 ÷ 收到；办复率 = 已答复 ÷ 立案；满意率 = (满意 + 基本满意) ÷ 已反馈。'],
  options: {
    session: { type: 'string', valueName: '届次', description: '届次，如 五届二次、第五届第二次、5-2 或届次编号（默认最近的一届）' },
  },
  async run({ ctx, options }) {
    const session =
      typeof options.session === 'string' ? await resolveSession(ctx, options.session) : (await invoke(ctx, 'sessions.list', {}))[0];
    if (!session) return { data: null, lines: ['还没有登记任何届次，没有可统计的提案。'] };
    const st = await invoke(ctx, 'proposals.stats', { sessionId: session.id });
    return {
      data: st,
      lines: [
        `${st.session.title}（${st.session.label}）`,
        `收到提案 ${st.received} 件：立案 ${st.filed}，并案 ${st.merged}，转为意见建议 ${st.converted}，不予立案 ${st.rejected}，撤案 ${st.withdrawn}，待审查 ${st.pending}。立案率 ${pct(st.filingRate.percent)}。`,
        `已交办 ${st.assigned}，已答复 ${st.replied}，办复率 ${pct(st.replyRate.percent)}；逾期未答复 ${st.overdue}。`,
        `答复类别：${st.replyClasses.map((c) => `${c.replyClass} 类（${REPLY_CLASS_LABELS[c.replyClass]}）${c.count} 件 ${pct(c.share.percent)}`).join('；')}。`,
        `提案人反馈 ${st.feedback} 件：满意 ${st.satisfied}，基本满意 ${st.basicallySatisfied}，不满意 ${st.unsatisfied}；满意率 ${pct(st.satisfactionRate.percent)}。已办结 ${st.closed}。`,
        `意见建议：附议人不足登记 ${st.opinions.registered} 件，审查转入 ${st.opinions.converted} 件，已答复 ${st.opinions.replied} 件。`,
        ...st.byCategory.map((c) => `  类别 ${c.category}：收到 ${c.received}，立案 ${c.filed}（${pct(c.share.percent)}）`),
        ...st.byUnit.map((u) => `  部门 ${u.name}：主办 ${u.lead}，协办 ${u.co}，已答复 ${u.replied}，逾期 ${u.overdue}`),
        ...st.byDelegation.map((d) => `  ${d.delegation}：代表 ${d.representatives} 人，提案 ${d.received}，立案 ${d.filed}`),
      ],
    };
  },
};
