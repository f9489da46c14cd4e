import type { Settings } from '../../../shared/contract/settings';
import type { ProposalListRow, ProposalStats } from '../../../shared/contract/proposals';
import { todayIso } from '../../../shared/domain/dates';
import { REPLY_CLASS_LABELS, SATISFACTION_LABELS } from '../../../shared/domain/proposal-workflow';
import { html, page, type SafeHtml } from './html';
import { committeeName, dateCn, PAGE_NUMBER_CSS, pct, TABLE_CSS } from './proposal-common';

const CSS = `${TABLE_CSS}
${PAGE_NUMBER_CSS}
h1 { font-size: 17pt; letter-spacing: 2pt; margin-bottom: 2mm; }
.sub { text-align: center; margin-bottom: 5mm; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 12pt; margin: 6mm 0 2mm; }
.grid td, .grid th { font-size: 9.5pt; padding: 1.2mm 1.8mm; vertical-align: middle; }
.grid th { text-align: center; }
.grid td.num { text-align: center; }
/* A heading stays with its table; only the long list may run over pages (its header row repeats). */
.part { break-inside: avoid; }
tr { break-inside: avoid; }
.foot { margin-top: 4mm; font-size: 8.5pt; color: #333; }
`;

const row = (cells: (string | number)[], numFrom = 1): SafeHtml =>
  html`<tr>${cells.map((c, i) => html`<td${i >= numFrom ? html` class="num"` : ''}>${c}</td>`)}</tr>`;
const head = (cells: string[]): SafeHtml => html`<thead><tr>${cells.map((c) => html`<th>${c}</th>`)}</tr></thead>`;

function overview(st: ProposalStats): SafeHtml | string {
  return html`<div class="part"><h2>表一　提案征集与审查情况</h2>
<table class="grid">${head(['收到提案', '立案', '并案', '转为意见建议', '不予立案', '撤案', '待审查', '立案率'])}
${row([st.received, st.filed, st.merged, st.converted, st.rejected, st.withdrawn, st.pending, pct(st.filingRate)], 0)}</table>
<p class="muted">立案率 = 立案数 ÷ 收到提案数。另登记意见建议 ${st.opinions.registered} 件（附议人不足），审查中转为意见建议 ${st.opinions.converted} 件。</p></div>`;
}

function handling(st: ProposalStats): SafeHtml | string {
  const cls = st.replyClasses.map((c) => `${c.count}（${pct(c.share)}）`);
  return html`<div class="part"><h2>表二　提案办理与答复情况</h2>
<table class="grid">${head(['已交办', '已答复', '办复率', `A 类 ${REPLY_CLASS_LABELS.A}`, `B 类 ${REPLY_CLASS_LABELS.B}`, `C 类 ${REPLY_CLASS_LABELS.C}`, '解决率', '逾期未答复'])}
${row([st.assigned, st.replied, pct(st.replyRate), ...cls, pct(st.solvedRate), st.overdue], 0)}</table>
<p class="muted">办复率 = 主办部门已答复的提案 ÷ 立案数；解决率 = (A 类 + B 类) ÷ 已答复数；各类占比以已答复数为基数。</p>
<table class="grid">${head(['已反馈', SATISFACTION_LABELS.satisfied, SATISFACTION_LABELS.basic, SATISFACTION_LABELS.unsatisfied, '满意率', '已办结'])}
${row([st.feedback, st.satisfied, st.basicallySatisfied, st.unsatisfied, pct(st.satisfactionRate), st.closed], 0)}</table>
<p class="muted">满意率 = (满意 + 基本满意) ÷ 已反馈数，按每件提案最近一次反馈计。</p></div>`;
}

function byCategory(st: ProposalStats): SafeHtml | string {
  if (!st.byCategory.length) return '';
  return html`<div class="part"><h2>表三　按类别统计</h2>
<table class="grid">${head(['类别', '收到', '立案', '占立案比例', '已答复'])}
${st.byCategory.map((c) => row([c.category, c.received, c.filed, pct(c.share), c.replied]))}</table></div>`;
}

function byUnit(st: ProposalStats): SafeHtml | string {
  if (!st.byUnit.length) return '';
  return html`<div class="part"><h2>表四　按承办部门统计</h2>
<table class="grid">${head(['承办部门', '主办', '协办', '已答复', 'A 类', 'B 类', 'C 类', '逾期', '已反馈', '满意率'])}
${st.byUnit.map((u) => row([u.name, u.lead, u.co, u.replied, u.a, u.b, u.c, u.overdue, u.feedback, pct(u.satisfactionRate)]))}</table></div>`;
}

function byDelegation(st: ProposalStats): SafeHtml | string {
  if (!st.byDelegation.length) return '';
  return html`<div class="part"><h2>表五　按代表团统计</h2>
<table class="grid">${head(['代表团', '代表人数', '提出提案', '立案', '立案率'])}
${st.byDelegation.map((d) => row([d.delegation, d.representatives, d.received, d.filed, pct(d.filingRate)]))}</table></div>`;
}

function list(rows: ProposalListRow[]): SafeHtml | string {
  if (!rows.length) return '';
  return html`<h2>表六　提案办理一览</h2>
<table class="grid">${head(['编号', '案由', '提案人', '主办部门', '状态', '答复类别', '提案人意见'])}
${rows
  .map((r) =>
    row([r.number, r.title, r.proposerName, r.leadUnit ?? '', r.stateLabel + (r.overdue ? '（逾期）' : ''), r.replyClass ?? '', r.feedback ? SATISFACTION_LABELS[r.feedback] : ''], 99),
  )}</table>`;
}

/** 提案办理情况报告 tables (DOMAIN.md §3.6): what the committee reports to the next session, landscape A4. */
export function proposalReportHtml(st: ProposalStats, rows: ProposalListRow[], s: Settings, printedAt: Date): string {
  const body = html`
<h1>${st.session.title}提案办理情况统计表</h1>
<div class="sub">${s.unitName}　统计截至 ${dateCn(todayIso(printedAt))}</div>
${overview(st)}
${handling(st)}
${byCategory(st)}
${byUnit(st)}
${byDelegation(st)}
${list(rows)}
<div class="foot">${committeeName(s)}　打印日期 ${todayIso(printedAt)}${s.operator ? html`　经办：${s.operator}` : ''}</div>`;
  return page(body, { title: `${st.session.title}提案办理情况统计表`, css: CSS, landscape: true, marginMm: 14 });
}
