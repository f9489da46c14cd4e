import type { Settings } from '../../../shared/contract/settings';
import type { CongressSession, ProposalDetail } from '../../../shared/contract/proposals';
import { todayIso } from '../../../shared/domain/dates';
import { html, lines, page, type SafeHtml } from './html';
import {
  assignmentText,
  committeeName,
  closingText,
  dateCn,
  feedbackText,
  PAGE_NUMBER_CSS,
  orElse,
  people,
  repliesText,
  reviewText,
  TABLE_CSS,
} from './proposal-common';

const CSS = `${TABLE_CSS}
${PAGE_NUMBER_CSS}
@page :first { @bottom-center { content: none; } }
.cover { height: 250mm; display: flex; flex-direction: column; align-items: center; text-align: center; }
.cover .unit { margin-top: 45mm; font-size: 16pt; letter-spacing: 2pt; }
.cover .session { margin-top: 8mm; font-size: 18pt; font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
.cover .title { margin-top: 22mm; font-size: 36pt; letter-spacing: 12pt; font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
.cover .by { margin-top: auto; font-size: 14pt; line-height: 2; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; text-align: center; margin: 0 0 5mm; }
.toc td, .toc th { border: 0.2mm solid #000; padding: 1.2mm 1.8mm; font-size: 10pt; }
.toc th { background: #f2f2f2; white-space: nowrap; }
.toc tr.merged td { color: #444; font-size: 9pt; }
.item { break-before: page; }
.item h3 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 0 0 1.5mm; }
.item .no { font-size: 10.5pt; margin-bottom: 3mm; }
.item .grid td.block { height: auto; min-height: 0; }
.reply + .reply { margin-top: 2mm; padding-top: 2mm; border-top: 0.2mm dashed #888; }
.empty { text-align: center; color: #444; margin-top: 20mm; }
`;

function tocRows(items: ProposalDetail[]): SafeHtml[] {
  return items.map((p, i) => {
      const own = html`<tr><td class="num">${i + 1}</td><td style="white-space:nowrap">${p.number}</td><td>${p.title}</td>
        <td>${p.proposer.name}</td><td>${p.leadUnit ?? ''}</td><td>${p.replyClass ?? ''}</td></tr>`;
      const merged = p.mergedFrom.map((m) => html`<tr class="merged"><td></td><td style="white-space:nowrap">${m.number}</td><td>（并入${p.number}）${m.title}</td><td>${m.proposerName}</td><td></td><td></td></tr>`);
      return html`${own}${merged}`;
    });
}

function item(p: ProposalDetail): SafeHtml {
  const merged = p.mergedFrom.length
    ? html`<tr><td class="l">并入本案</td><td colspan="3">${p.mergedFrom.map((m, i) => html`${i ? html`<br>` : ''}${m.number}「${m.title}」（提案人：${m.proposerName}）`)}</td></tr>`
    : '';
  const replies = repliesText(p);
  return html`<section class="item">
<h3>${p.title}</h3>
<div class="no">${p.number}　类别：${p.category ?? ''}　提交日期：${dateCn(p.submittedDate)}</div>
<table class="grid">
  <tr><td class="l">提 案 人</td><td>${p.proposer.name}</td><td class="l">代 表 团</td><td>${p.proposer.delegation}</td></tr>
  <tr><td class="l">附 议 人</td><td colspan="3">${people(p)}</td></tr>
  ${merged}
  <tr><td class="l">理由或依据</td><td colspan="3" class="block">${lines(p.reasons)}</td></tr>
  <tr><td class="l">办法和建议</td><td colspan="3" class="block">${lines(p.suggestions)}</td></tr>
  <tr><td class="l">审查意见</td><td colspan="3">${reviewText(p)}</td></tr>
  <tr><td class="l">交　　办</td><td colspan="3">${orElse(assignmentText(p), '尚未交办')}</td></tr>
  <tr><td class="l">答复意见</td><td colspan="3" class="block">${orElse(replies, '尚未答复')}</td></tr>
  <tr><td class="l">提案人意见</td><td colspan="3">${orElse(feedbackText(p), '尚未反馈')}</td></tr>
  ${closingText(p).value ? html`<tr><td class="l">办理结果</td><td colspan="3">${closingText(p)}</td></tr>` : ''}
</table></section>`;
}

/**
 * 提案汇编 of a session (DOMAIN.md §3.6; no published layout exists, §8.12): a cover, a table of contents, then
 * every filed proposal with its reply, each starting on a new page. Merged proposals keep their own numbers in
 * the contents and under the proposal they joined.
 */
export function proposalCompilationHtml(session: CongressSession, items: ProposalDetail[], s: Settings, printedAt: Date): string {
  const body = html`
<section class="cover">
  <div class="unit">${s.unitName}</div>
  <div class="session">${session.title}</div>
  <div class="title">提案汇编</div>
  <div class="by">${committeeName(s)}　编<br>${dateCn(todayIso(printedAt))}</div>
</section>
<section class="item">
<h2>目　　录</h2>
${
  items.length
    ? html`<table class="toc"><tr><th style="width:11mm">序号</th><th style="width:40mm">编号</th><th>案由</th><th style="width:20mm">提案人</th><th style="width:28mm">主办部门</th><th style="width:18mm">答复类别</th></tr>
${tocRows(items)}</table>
<p class="muted">共立案 ${items.length} 件${items.some((p) => p.mergedFrom.length) ? html`，另有 ${items.reduce((n, p) => n + p.mergedFrom.length, 0)} 件并案提案列在所并入的提案之下` : ''}。</p>`
    : html`<p class="empty">本届次还没有立案的提案。</p>`
}
</section>
${items.map((p, i) => html`${i ? '\n' : ''}${item(p)}`)}`;
  return page(body, { title: `${session.title}提案汇编`, css: CSS, marginMm: 18 });
}
